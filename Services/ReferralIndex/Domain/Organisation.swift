public import Contracts

/// An organisation designated by the municipality to signal (meldingsbevoegd), with its broker
/// login (the same key) and, for HTTP, an API key whose SHA-256 the index keeps.
public struct Organisation: Sendable, Hashable, Codable {
    public let key: OrganisationKey
    public var name: String
    /// False once the municipality withdrew the designation: its signals are refused.
    public var isAuthorised: Bool

    public init(key: OrganisationKey, name: String, isAuthorised: Bool = true) {
        self.key = key
        self.name = name
        self.isAuthorised = isAuthorised
    }

    public var municipality: MunicipalityCode { key.municipality }
}
