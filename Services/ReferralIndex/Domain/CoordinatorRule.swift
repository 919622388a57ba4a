public import Contracts

/// Who coordinates a match (SPEC §5, configurable): the municipality's own coordinator, or the
/// organisation that signalled first (`REFERRAL_INDEX_COORDINATOR_RULE`).
public enum CoordinatorRule: String, Sendable, CaseIterable {
    case municipality
    case firstSignaller = "first-signaller"

    /// The coordinator of a match on `signals` (active, any order) in `municipality`; the first
    /// signaller when the municipality has no coordinator configured.
    public func coordinator(
        of signals: [Signal],
        municipalityCoordinators: [MunicipalityCode: OrganisationKey],
        municipality: MunicipalityCode
    ) -> OrganisationKey? {
        if self == .municipality, let own = municipalityCoordinators[municipality] { return own }
        return signals.min { ($0.registeredAt, $0.id.uuidString) < ($1.registeredAt, $1.id.uuidString) }?.organisation
    }
}
