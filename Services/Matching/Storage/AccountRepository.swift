public import Contracts
import Crypto
import Foundation
public import ServiceHTTP
public import Storage
import StoredVocabulary

/// The municipality's matching coordinators (bcrypt hashes) and the volunteer centres (their API
/// keys as SHA-256 only).
public enum AccountRepository {
    /// Stores a coordinator (an existing user name is kept as it is).
    public static func insertCoordinator(_ account: Coordinator, passwordHash: String, in tx: Transaction) throws {
        try tx.query(
            """
            INSERT INTO coordinators (id, username, municipality, display_name, password_hash)
            VALUES (\(account.accountID), \(account.username), \(account.municipality.rawValue), \(account.displayName), \(passwordHash))
            ON CONFLICT (username) DO NOTHING
            """
        )
    }

    /// The coordinator with `username`, for `PasswordAuthenticator`.
    public static func findCoordinator(username: String, in tx: Transaction) throws -> StoredAccount<Coordinator>? {
        try tx.query(
            "SELECT id, username, municipality, display_name, password_hash, active FROM coordinators WHERE username = \(username)"
        ).rows.first.map { row in
            StoredAccount(
                account: Coordinator(
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

    /// Adds the centre or renames it.
    public static func upsertCentre(_ key: OrganisationKey, name: String, in tx: Transaction) throws {
        try tx.query(
            """
            INSERT INTO centres (key, municipality, name) VALUES (\(key.description), \(key.municipality.rawValue), \(name))
            ON CONFLICT (key) DO UPDATE SET name = EXCLUDED.name
            """
        )
    }

    /// Sets the centre's API key (the old one stops working).
    public static func setAPIKey(_ apiKey: String, of key: OrganisationKey, in tx: Transaction) throws {
        try tx.query("UPDATE centres SET api_key_hash = \(hash(apiKey)) WHERE key = \(key.description)")
    }

    /// The centre's system account for API key `apiKey`.
    static func centre(apiKey: String, in tx: Transaction) throws -> Coordinator? {
        try tx.query("SELECT key, name FROM centres WHERE api_key_hash = \(hash(apiKey))").rows.first.map { row in
            Coordinator.system(of: try row.parsed("key", as: "OrganisationKey", OrganisationKey.init), name: try row.decode(String.self, "name"))
        }
    }

    /// The centre's name, when it is known to matching.
    static func centreName(_ key: OrganisationKey, in tx: Transaction) throws -> String? {
        try tx.query("SELECT name FROM centres WHERE key = \(key.description)").rows.first?.decode(String.self, "name")
    }

    static func hash(_ apiKey: String) -> Data { Data(SHA256.hash(data: Data(apiKey.utf8))) }
}
