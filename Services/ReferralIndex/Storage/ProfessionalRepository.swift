import Contracts
import Foundation
public import ServiceHTTP
public import Storage
import StoredVocabulary

/// Accounts of professionals, coordinators and administrators, with bcrypt hashes.
public enum ProfessionalRepository {
    /// Stores a new account (or keeps an existing one with the same user name).
    public static func insert(_ account: Professional, passwordHash: String, in tx: Transaction) throws {
        try tx.query(
            """
            INSERT INTO professionals (id, username, municipality, organisation, role, display_name, phone, email, password_hash)
            VALUES (\(account.accountID), \(account.username), \(account.municipality.rawValue), \(account.organisation?.description),
                \(account.role.rawValue), \(account.contact?.name), \(account.contact?.phone), \(account.contact?.email), \(passwordHash))
            ON CONFLICT (username) DO NOTHING
            """
        )
    }

    /// The account with `username`, for `PasswordAuthenticator`.
    public static func find(username: String, in tx: Transaction) throws -> StoredAccount<Professional>? {
        try tx.query(
            """
            SELECT id, username, municipality, organisation, role, display_name, phone, email, password_hash, active
            FROM professionals WHERE username = \(username)
            """
        ).rows.first.map { row in
            let name = try row.decodeIfPresent(String.self, "display_name")
            let phone = try row.decodeIfPresent(String.self, "phone")
            let email = try row.decodeIfPresent(String.self, "email")
            let contact = name.flatMap { name in phone.flatMap { phone in email.map { ProfessionalContact(name: name, phone: phone, email: $0) } } }
            return StoredAccount(
                account: Professional(
                    accountID: try row.decode(UUID.self, "id"),
                    username: try row.decode(String.self, "username"),
                    municipality: try row.municipality(),
                    organisation: try row.optionalParsed("organisation", as: "OrganisationKey", OrganisationKey.init),
                    role: try row.parsed("role", as: "Professional.Role", Professional.Role.init(rawValue:)),
                    contact: contact
                ),
                passwordHash: try row.decode(String.self, "password_hash"),
                isActive: try row.decode(Bool.self, "active")
            )
        }
    }
}
