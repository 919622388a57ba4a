import Contracts
import Foundation
import Storage

/// The yearly carer appreciation lists (mantelzorgwaardering): one row per carer per year, so
/// running a year again lists only carers not on it yet.
enum AppreciationRepository {
    /// Lists every active carer of `municipality` registered by the end of `year` who is not on the
    /// year's list yet; returns how many were added and how many the list has.
    static func list(year: Int, municipality: MunicipalityCode, endOfYear: Date, at now: Date, in tx: Transaction) throws -> (added: Int, total: Int)
    {
        let added = try tx.query(
            """
            INSERT INTO appreciation (municipality, year, carer_id, listed_at)
            SELECT municipality, \(year), id, \(now) FROM carers
            WHERE municipality = \(municipality.rawValue) AND active AND registered_at < \(endOfYear)
            ON CONFLICT DO NOTHING
            """
        ).affectedRows
        let total =
            try tx.query(
                "SELECT count(*)::integer AS n FROM appreciation WHERE municipality = \(municipality.rawValue) AND year = \(year)"
            ).rows.first?.decode(Int.self, "n") ?? 0
        return (added, total)
    }

    /// The year's list: who gets the appreciation and how to reach them.
    static func entries(year: Int, municipality: MunicipalityCode, in tx: Transaction) throws -> [AppreciationEntry] {
        try tx.query(
            """
            SELECT c.id, c.name, c.phone, c.email, c.postcode, c.district, c.hours_per_week, a.listed_at FROM appreciation a
            JOIN carers c ON c.id = a.carer_id
            WHERE a.municipality = \(municipality.rawValue) AND a.year = \(year) ORDER BY c.name, c.id
            """
        ).rows.map { row in
            AppreciationEntry(
                carerId: try row.decode(UUID.self, "id"),
                name: try row.decode(String.self, "name"),
                phone: try row.decodeIfPresent(String.self, "phone"),
                email: try row.decodeIfPresent(String.self, "email"),
                postcode: try row.decode(String.self, "postcode"),
                district: try row.decode(String.self, "district"),
                hoursPerWeek: try row.decode(Int.self, "hours_per_week"),
                listedAt: try row.decode(Date.self, "listed_at")
            )
        }
    }
}
