public import Contracts
public import Foundation

/// Who works in matching: the municipality's matching coordinator (matchingcoördinator), by
/// password; or a volunteer centre's system, by its API key (it sees and answers for its own
/// volunteers only).
public struct Coordinator: Sendable, Hashable, Codable {
    public enum Role: String, Sendable, Codable {
        /// The municipality's matching coordinator: everything of the municipality.
        case coordinator
        /// A volunteer centre's system (API key).
        case centre
    }

    public let accountID: UUID
    public let username: String
    public let municipality: MunicipalityCode
    public let displayName: String
    public let role: Role
    /// The centre a `centre` account acts for.
    public let centre: OrganisationKey?

    public init(
        accountID: UUID = UUID(),
        username: String,
        municipality: MunicipalityCode,
        displayName: String,
        role: Role = .coordinator,
        centre: OrganisationKey? = nil
    ) {
        self.accountID = accountID
        self.username = username
        self.municipality = municipality
        self.displayName = displayName
        self.role = role
        self.centre = centre
    }

    /// A centre's system.
    public static func system(of centre: OrganisationKey, name: String) -> Coordinator {
        Coordinator(username: centre.description, municipality: centre.municipality, displayName: name, role: .centre, centre: centre)
    }

    /// - Throws: `MatchingError.notPermitted` for a centre.
    public func requireCoordinator(to what: String) throws(MatchingError) {
        guard role == .coordinator else { throw .notPermitted(what) }
    }
}
