import Contracts
import Foundation
import Storage
import StoredVocabulary
import WorkingDays

/// Informal carers (mantelzorgers): their own data, with their consent.
enum CarerRepository {
    static func insert(_ carer: InformalCarer, in tx: Transaction) throws {
        try tx.query(
            """
            INSERT INTO carers (id, municipality, name, phone, email, consented_at, postcode, district, latitude, longitude, cared_for,
                hours_per_week, since, burden, support, registered_at)
            VALUES (\(carer.id), \(carer.municipality.rawValue), \(carer.contact.name), \(carer.contact.phone), \(carer.contact.email),
                \(carer.consentedAt), \(carer.postcode), \(carer.place.district), \(carer.place.latitude), \(carer.place.longitude),
                \(carer.caredFor?.rawValue), \(carer.hoursPerWeek), \(carer.since.description)::date, \(carer.burden),
                \(carer.supportWanted.map(\.rawValue).sorted())::text[], \(carer.registeredAt))
            """
        )
    }

    /// A new burden score (and hours) after a follow-up conversation.
    static func updateBurden(of id: UUID, burden: Int, hoursPerWeek: Int, in tx: Transaction) throws {
        try tx.query("UPDATE carers SET burden = \(burden), hours_per_week = \(hoursPerWeek) WHERE id = \(id)")
    }

    /// Marks the carer as flagged for outreach (once per flag), or clears the flag (`nil`).
    static func flag(_ id: UUID, at now: Date?, in tx: Transaction) throws {
        try tx.query("UPDATE carers SET flagged_at = \(now) WHERE id = \(id)")
    }

    static let columns = SQLFragment(
        """
        id, municipality, name, phone, email, consented_at, postcode, district, latitude, longitude, cared_for, hours_per_week,
        since::text AS since, burden, support, registered_at, flagged_at
        """
    )

    static func find(_ id: UUID, municipality: MunicipalityCode, forUpdate: Bool = false, in tx: Transaction) throws -> (InformalCarer, Date?)? {
        let lock = forUpdate ? SQLFragment("FOR UPDATE") : SQLFragment("")
        return try tx.query(
            "SELECT \(columns) FROM carers WHERE id = \(id) AND municipality = \(municipality.rawValue) AND active \(lock)"
        ).rows.first.map { (try carer($0), try $0.decodeIfPresent(Date.self, "flagged_at")) }
    }

    /// The municipality's carers at or above `threshold`, heaviest first.
    static func overburdened(municipality: MunicipalityCode, threshold: Int, in tx: Transaction) throws -> [InformalCarer] {
        try tx.query(
            """
            SELECT \(columns) FROM carers WHERE municipality = \(municipality.rawValue) AND active AND burden >= \(threshold)
            ORDER BY burden DESC, registered_at LIMIT 500
            """
        ).rows.map(carer)
    }

    /// Carers by burden score (figures).
    static func countsByBurden(municipality: MunicipalityCode, in tx: Transaction) throws -> [Int: Int] {
        var counts: [Int: Int] = [:]
        for row in try tx.query(
            "SELECT burden, count(*)::integer AS n FROM carers WHERE municipality = \(municipality.rawValue) AND active GROUP BY burden"
        ).rows {
            counts[try row.decode(Int.self, "burden")] = try row.decode(Int.self, "n")
        }
        return counts
    }

    static func carer(_ row: Row) throws -> InformalCarer {
        let municipality = try row.municipality()
        guard let place = try row.place(municipality: municipality) else {
            throw StorageError.decodingFailed(column: "district", expected: "a district with its centre", found: nil)
        }
        return InformalCarer(
            id: try row.decode(UUID.self, "id"),
            municipality: municipality,
            contact: try row.contact(),
            consentedAt: try row.decode(Date.self, "consented_at"),
            postcode: try row.decode(String.self, "postcode"),
            place: place,
            caredFor: try row.decodeIfPresent(UUID.self, "cared_for").map(SubjectRef.init),
            hoursPerWeek: try row.decode(Int.self, "hours_per_week"),
            since: try row.localDate("since"),
            burden: try row.decode(Int.self, "burden"),
            supportWanted: Set(try row.values(InformalCarer.Support.self, "support")),
            registeredAt: try row.decode(Date.self, "registered_at")
        )
    }
}
