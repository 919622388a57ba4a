public import Contracts
import Crypto
import Foundation
public import Storage

/// The designated organisations (meldingsbevoegd) and their API keys (SHA-256 only).
public enum OrganisationRepository {
    /// Adds the organisation or updates its name and designation.
    public static func upsert(_ organisation: Organisation, in tx: Transaction) throws {
        try tx.query(
            """
            INSERT INTO organisations (key, municipality, name, authorised)
            VALUES (\(organisation.key.description), \(organisation.municipality.rawValue), \(organisation.name), \(organisation.isAuthorised))
            ON CONFLICT (key) DO UPDATE SET name = EXCLUDED.name, authorised = EXCLUDED.authorised
            """
        )
    }

    /// Sets the organisation's API key (the old one stops working).
    public static func setAPIKey(_ apiKey: String, of key: OrganisationKey, in tx: Transaction) throws {
        try tx.query("UPDATE organisations SET api_key_hash = \(hash(apiKey)) WHERE key = \(key.description)")
    }

    static func find(_ key: OrganisationKey, in tx: Transaction) throws -> Organisation? {
        try tx.query("SELECT key, name, authorised FROM organisations WHERE key = \(key.description)").rows.first.map(organisation)
    }

    /// The organisation `key` and whether its municipality switched the index off, in one
    /// statement: the first check of every registration (the caller holds the municipality's lock).
    static func designation(_ key: OrganisationKey, in tx: Transaction) throws -> (switchedOff: Bool, organisation: Organisation?) {
        let row = try tx.query(
            """
            SELECT EXISTS (SELECT 1 FROM switch_offs WHERE municipality = \(key.municipality.rawValue)) AS switched_off,
                o.key, o.name, o.authorised
            FROM (SELECT 1) AS one LEFT JOIN organisations o ON o.key = \(key.description)
            """
        ).single()
        let switchedOff = try row.decode(Bool.self, "switched_off")
        return (switchedOff, try row.decodeIfPresent(String.self, "key") == nil ? nil : organisation(row))
    }

    /// The organisation whose API key is `apiKey`.
    static func find(apiKey: String, in tx: Transaction) throws -> Organisation? {
        try tx.query("SELECT key, name, authorised FROM organisations WHERE api_key_hash = \(hash(apiKey))").rows.first.map(
            organisation
        )
    }

    /// The names of `keys` (for notifications and views).
    static func names(_ keys: [OrganisationKey], in tx: Transaction) throws -> [OrganisationKey: String] {
        guard !keys.isEmpty else { return [:] }
        var names: [OrganisationKey: String] = [:]
        for row in try tx.query("SELECT key, name, authorised FROM organisations WHERE key = ANY(\(keys.map(\.description))::text[])").rows {
            let item = try organisation(row)
            names[item.key] = item.name
        }
        return names
    }

    static func hash(_ apiKey: String) -> Data { Data(SHA256.hash(data: Data(apiKey.utf8))) }

    static func organisation(_ row: Row) throws -> Organisation {
        Organisation(
            key: try row.parsed("key", as: "OrganisationKey", OrganisationKey.init),
            name: try row.decode(String.self, "name"),
            isAuthorised: try row.decode(Bool.self, "authorised")
        )
    }
}
