public import Contracts
public import Foundation

/// Medewerker: a staff account of one municipality's desk, as the use cases see it after login.
///
/// `id` (a `StaffID`) is the login name, unique across the region; it is what requests, consents
/// and the access log record as "who".
public struct StaffMember: Sendable, Hashable, Codable {
    /// The login name, e.g. `anna.arnhem`.
    public var id: StaffID
    /// The record id of the account.
    public var accountID: UUID
    /// The municipality the account works for; every query is scoped to it (SPEC P6).
    public var municipality: MunicipalityCode
    /// Naam zoals getoond.
    public var displayName: String
    /// Rol.
    public var role: StaffRole
    /// Team, for the team work list.
    public var team: TeamID?

    /// Creates a staff member.
    public init(
        id: StaffID,
        accountID: UUID = UUID(),
        municipality: MunicipalityCode,
        displayName: String,
        role: StaffRole,
        team: TeamID? = nil
    ) {
        self.id = id
        self.accountID = accountID
        self.municipality = municipality
        self.displayName = displayName
        self.role = role
        self.team = team
    }

    /// Throws unless the role allows `permission` (deny by default).
    public func require(_ permission: StaffPermission) throws(FrontDeskError) {
        guard role.permissions.contains(permission) else { throw .notPermitted(action: permission.dutchName) }
    }
}

/// Rol van een medewerker.
public enum StaffRole: String, Sendable, Hashable, Codable, CaseIterable {
    /// Consulent: takes requests, clarifies, passes on.
    case consultant
    /// Regisseur: a consultant who also coordinates households (one family, one plan).
    case coordinator
    /// Teamleider: a coordinator who may also change or hand over a household another
    /// coordinator holds (absence, conflict).
    case teamLead = "team-lead"
    /// Beheerder: keeps the social map and the staff accounts; sees no case data.
    case administrator

    /// What the role may do; anything not listed is refused.
    public var permissions: Set<StaffPermission> {
        switch self {
        case .consultant: [.casework]
        case .coordinator: [.casework, .coordination]
        case .teamLead: [.casework, .coordination, .overrideCoordinator]
        case .administrator: [.socialMap]
        }
    }

    /// The Dutch label shown on the staff pages.
    public var dutchName: String {
        switch self {
        case .consultant: "Consulent"
        case .coordinator: "Regisseur"
        case .teamLead: "Teamleider"
        case .administrator: "Beheerder"
        }
    }
}

/// Bevoegdheid: a group of actions a role may take.
public enum StaffPermission: String, Sendable, Hashable, Codable, CaseIterable {
    /// Persons, requests, conversations, consent, passing on, work list, letters.
    case casework
    /// Households: coordinator, plan, hand-over (of the households one coordinates).
    case coordination
    /// Change or hand over a household that another coordinator holds.
    case overrideCoordinator = "override-coordinator"
    /// The social map (partners and general provisions).
    case socialMap = "social-map"

    /// The Dutch description used in the refusal message.
    public var dutchName: String {
        switch self {
        case .casework: "persoons- en hulpvraaggegevens behandelen"
        case .coordination: "de regie over een huishouden voeren"
        case .overrideCoordinator: "de regie van een andere regisseur overnemen of wijzigen"
        case .socialMap: "de sociale kaart beheren"
        }
    }
}
