public import Contracts
public import Foundation

/// Who works with the panel for the municipality (onderzoeker): puts consultations to it, draws
/// rounds, moderates open answers and proposed statements, and reads results after closing. By
/// password (HTTP Basic), for their own municipality only.
public struct Researcher: Sendable, Hashable, Codable {
    public let accountID: UUID
    public let username: String
    public let municipality: MunicipalityCode
    public let displayName: String

    public init(accountID: UUID = UUID(), username: String, municipality: MunicipalityCode, displayName: String) {
        self.accountID = accountID
        self.username = username
        self.municipality = municipality
        self.displayName = displayName
    }
}
