public import Contracts
public import Foundation

/// Someone who works in the referral index: a professional of a designated organisation
/// (meldingsbevoegd), the municipality's coordinator, or its administrator; or an
/// organisation's own system, authenticated by its API key.
public struct Professional: Sendable, Hashable, Codable {
    public enum Role: String, Sendable, Codable, CaseIterable {
        /// Signals, sees their own signals and the matches on them.
        case professional
        /// The municipality's coordinator: the matches work list and subject-access reports.
        case coordinator
        /// The municipality's administrator: switch-off and purge.
        case administrator
        /// An organisation's system (API key): signals on behalf of its professionals.
        case system
    }

    public let accountID: UUID
    public let username: String
    public let municipality: MunicipalityCode
    /// The organisation a professional or system acts for; `nil` for the municipality's staff.
    public let organisation: OrganisationKey?
    public let role: Role
    /// How colleagues reach this professional; `nil` for a system.
    public let contact: ProfessionalContact?

    public init(
        accountID: UUID = UUID(),
        username: String,
        municipality: MunicipalityCode,
        organisation: OrganisationKey?,
        role: Role,
        contact: ProfessionalContact?
    ) {
        self.accountID = accountID
        self.username = username
        self.municipality = municipality
        self.organisation = organisation
        self.role = role
        self.contact = contact
    }

    /// True for those who signal (a professional or an organisation's system).
    public var signals: Bool { role == .professional || role == .system }

    /// The organisation this account signals for.
    /// - Throws: `ReferralIndexError.notPermitted` for the municipality's staff.
    public func signallingOrganisation() throws(ReferralIndexError) -> OrganisationKey {
        guard signals, let organisation else { throw .notPermitted("register or withdraw signals") }
        // A professional is known to colleagues by their contact; without one, no access.
        guard role == .system || contact != nil else { throw .notPermitted("work without contact details in the account") }
        return organisation
    }

    /// - Throws: `ReferralIndexError.notPermitted` unless the account has `role`.
    public func require(_ role: Role, to what: String) throws(ReferralIndexError) {
        guard self.role == role else { throw .notPermitted(what) }
    }
}
