import Contracts
import Foundation
import Storage

/// The municipality's register of addresses that never make a family match (institutions,
/// shelters): many young people live there who are no family.
enum ExcludedAddressRepository {
    static func insert(_ entry: ExcludedAddress, key: SubjectKey, in tx: Transaction) throws {
        try tx.query(
            """
            INSERT INTO excluded_addresses (municipality, address_key, postcode, house_number, description, added_by, added_at)
            VALUES (\(entry.municipality), \(key.bytes), \(entry.postcode), \(entry.houseNumber), \(entry.description),
                \(entry.addedBy), \(entry.addedAt))
            ON CONFLICT (municipality, address_key) DO UPDATE SET description = EXCLUDED.description
            """
        )
    }

    static func contains(_ key: SubjectKey, municipality: MunicipalityCode, in tx: Transaction) throws -> Bool {
        !(try tx.query(
            "SELECT 1 FROM excluded_addresses WHERE municipality = \(municipality.rawValue) AND address_key = \(key.bytes)"
        ).rows.isEmpty)
    }

    static func list(_ municipality: MunicipalityCode, in tx: Transaction) throws -> [ExcludedAddress] {
        try tx.query(
            """
            SELECT municipality, postcode, house_number, description, added_by, added_at FROM excluded_addresses
            WHERE municipality = \(municipality.rawValue) ORDER BY postcode, house_number
            """
        ).rows.map { row in
            ExcludedAddress(
                municipality: try row.decode(String.self, "municipality"),
                postcode: try row.decode(String.self, "postcode"),
                houseNumber: try row.decode(String.self, "house_number"),
                description: try row.decode(String.self, "description"),
                addedBy: try row.decode(String.self, "added_by"),
                addedAt: try row.decode(Date.self, "added_at")
            )
        }
    }
}
