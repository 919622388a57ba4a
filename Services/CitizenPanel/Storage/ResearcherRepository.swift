import Foundation
public import ServiceHTTP
public import Storage
import StoredVocabulary

/// The researchers' logins (bcrypt hashes only).
public enum ResearcherRepository {
    public static func find(username: String, in tx: Transaction) throws -> StoredAccount<Researcher>? {
        try tx.query("SELECT id, username, municipality, display_name, password_hash, active FROM researchers WHERE username = \(username)")
            .rows.first.map { row in
                StoredAccount(
                    account: Researcher(
                        accountID: try row.decode(UUID.self, "id"),
                        username: try row.decode(String.self, "username"),
                        municipality: try row.municipality(),
                        displayName: try row.decode(String.self, "display_name")
                    ),
                    passwordHash: try row.decode(String.self, "password_hash"),
                    isActive: try row.decode(Bool.self, "active")
                )
            }
    }

    /// Adds `researcher`, or sets the name and password of the one with the same user name.
    public static func upsert(_ researcher: Researcher, passwordHash: String, in tx: Transaction) throws {
        try tx.query(
            """
            INSERT INTO researchers (id, username, municipality, display_name, password_hash)
            VALUES (\(researcher.accountID), \(researcher.username), \(researcher.municipality.rawValue), \(researcher.displayName), \(passwordHash))
            ON CONFLICT (username) DO UPDATE SET display_name = EXCLUDED.display_name, password_hash = EXCLUDED.password_hash,
                municipality = EXCLUDED.municipality, active = true
            """
        )
    }
}
