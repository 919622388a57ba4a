public import Contracts

/// Gecontracteerde aanbieders: which provider organisation may deliver which product category in
/// a municipality, at what tariff (cents per unit of the allocation's volume). Configuration
/// data (`INDICATION_PROVIDERS`).
public struct ProviderContracts: Sendable, Hashable {
    /// Tariff in cents per unit, per provider and category.
    public var tariffs: [OrganisationKey: [ProductCategory: Int]]

    public init(_ tariffs: [OrganisationKey: [ProductCategory: Int]] = [:]) {
        self.tariffs = tariffs
    }

    /// The tariff of `provider` for `category` in `municipality`, or `nil` when not contracted.
    public func tariff(of provider: OrganisationKey, for category: ProductCategory, in municipality: MunicipalityCode) -> Int? {
        guard provider.municipality == municipality else { return nil }
        return tariffs[provider]?[category]
    }
}
