public import Contracts
import Foundation
public import Storage
import StoredVocabulary

/// Medewerkersaccounts with their bcrypt password hashes.
public enum StaffRepository {
    static let columns = SQLFragment("id, municipality, username, display_name, role, team, password_hash, active")

    /// An account as stored: the staff member and the hash to check a password against.
    public struct Account: Sendable {
        /// The staff member.
        public var staff: StaffMember
        /// bcrypt hash of the password.
        public var passwordHash: String
        /// `false` for a blocked account, which cannot log in.
        public var isActive: Bool
    }

    /// Stores a new account.
    public static func insert(_ staff: StaffMember, passwordHash: String, in tx: Transaction) throws {
        try tx.query(
            """
            INSERT INTO staff (\(columns)) VALUES (
                \(staff.accountID), \(staff.municipality.rawValue), \(staff.id.rawValue), \(staff.displayName),
                \(staff.role.rawValue), \(staff.team?.rawValue), \(passwordHash), true)
            """
        )
    }

    /// The account with `username`, of any municipality (the login decides the municipality).
    public static func find(username: String, in tx: Transaction) throws -> Account? {
        try tx.query("SELECT \(columns) FROM staff WHERE username = \(username)").rows.first.map(account)
    }

    /// Every account of `municipality`, by name.
    public static func staff(municipality: MunicipalityCode, in tx: Transaction) throws -> [StaffMember] {
        try tx.query(
            "SELECT \(columns) FROM staff WHERE municipality = \(municipality.rawValue) ORDER BY display_name"
        ).rows.map { try account($0).staff }
    }

    static func account(_ row: Row) throws -> Account {
        Account(
            staff: StaffMember(
                id: StaffID(try row.decode(String.self, "username")),
                accountID: try row.decode(UUID.self, "id"),
                municipality: try row.municipality(),
                displayName: try row.decode(String.self, "display_name"),
                role: try row.value(StaffRole.self, "role"),
                team: try row.decodeIfPresent(String.self, "team").map(TeamID.init(rawValue:))
            ),
            passwordHash: try row.decode(String.self, "password_hash"),
            isActive: try row.decode(Bool.self, "active")
        )
    }
}
