import Contracts
import Foundation
public import ServiceHTTP
public import Storage
import StoredVocabulary

/// Assessor accounts with their bcrypt hashes.
public enum AssessorRepository {
    /// Stores a new account (or keeps an existing one with the same user name).
    public static func insert(_ assessor: Assessor, passwordHash: String, in tx: Transaction) throws {
        try tx.query(
            """
            INSERT INTO assessors (id, municipality, username, display_name, password_hash, active, expertise_team)
            VALUES (\(assessor.accountID), \(assessor.municipality.rawValue), \(assessor.id.rawValue), \(assessor.displayName),
                    \(passwordHash), true, \(assessor.isExpertiseTeam))
            ON CONFLICT (username) DO NOTHING
            """
        )
    }

    /// The account with `username`, for `PasswordAuthenticator`.
    public static func find(username: String, in tx: Transaction) throws -> StoredAccount<Assessor>? {
        try tx.query(
            """
            SELECT id, municipality, username, display_name, password_hash, active, expertise_team FROM assessors
            WHERE username = \(username)
            """
        ).rows.first.map { row in
            StoredAccount(
                account: Assessor(
                    id: AssessorID(try row.decode(String.self, "username")),
                    accountID: try row.decode(UUID.self, "id"),
                    municipality: try row.municipality(),
                    displayName: try row.decode(String.self, "display_name"),
                    isExpertiseTeam: try row.decode(Bool.self, "expertise_team")
                ),
                passwordHash: try row.decode(String.self, "password_hash"),
                isActive: try row.decode(Bool.self, "active")
            )
        }
    }
}
