public import Contracts
public import Foundation
public import Storage

/// The carers matching flagged for outreach (`carer_outreach`), one row per carer: a new flag
/// after the carer was handled opens the row again with the new burden.
public enum CarerOutreachRepository {
    /// Records matching's flag of a carer (again open, with the new figures).
    public static func flag(
        carerID: UUID,
        municipality: MunicipalityCode,
        personID: UUID?,
        burden: Int,
        hoursPerWeek: Int,
        district: String,
        at time: Date,
        in tx: Transaction
    ) throws {
        try tx.query(
            """
            INSERT INTO carer_outreach (carer_id, municipality, person_id, burden, hours_per_week, district, flagged_at)
            VALUES (\(carerID), \(municipality.rawValue), \(personID), \(burden), \(hoursPerWeek), \(district), \(time))
            ON CONFLICT (carer_id) DO UPDATE SET person_id = EXCLUDED.person_id, burden = EXCLUDED.burden,
                hours_per_week = EXCLUDED.hours_per_week, district = EXCLUDED.district, flagged_at = EXCLUDED.flagged_at,
                handled_at = NULL, handled_by = NULL
            """
        )
    }

    /// The open items of a municipality, heaviest burden first, then the oldest.
    public static func open(municipality: MunicipalityCode, limit: Int = 200, in tx: Transaction) throws -> [CarerOutreach] {
        try tx.query(
            """
            SELECT o.carer_id, o.municipality, o.person_id, o.burden, o.hours_per_week, o.district, o.flagged_at,
                o.handled_at, o.handled_by, p.given_names, p.family_name_prefix, p.family_name
            FROM carer_outreach o LEFT JOIN persons p ON p.id = o.person_id
            WHERE o.municipality = \(municipality.rawValue) AND o.handled_at IS NULL
            ORDER BY o.burden DESC, o.flagged_at, o.carer_id
            LIMIT \(limit)
            """
        ).rows.map { row in
            let given = try row.decodeIfPresent(String.self, "given_names")
            let prefix = try row.decodeIfPresent(String.self, "family_name_prefix")
            let family = try row.decodeIfPresent(String.self, "family_name")
            return CarerOutreach(
                carerID: try row.decode(UUID.self, "carer_id"),
                municipality: try row.municipality(),
                personID: try row.decodeIfPresent(UUID.self, "person_id"),
                caredForName: [given, prefix, family].compactMap { $0 }.joined(separator: " ").nilIfEmpty,
                burden: try row.decode(Int.self, "burden"),
                hoursPerWeek: try row.decode(Int.self, "hours_per_week"),
                district: try row.decode(String.self, "district"),
                flaggedAt: try row.decode(Date.self, "flagged_at"),
                handledAt: try row.decodeIfPresent(Date.self, "handled_at"),
                handledBy: try row.decodeIfPresent(String.self, "handled_by")
            )
        }
    }

    /// Records that `staff` reached out; `false` when there was no open item for the carer.
    public static func markHandled(carerID: UUID, municipality: MunicipalityCode, by staff: String, at time: Date, in tx: Transaction) throws -> Bool
    {
        try tx.query(
            """
            UPDATE carer_outreach SET handled_at = \(time), handled_by = \(staff)
            WHERE carer_id = \(carerID) AND municipality = \(municipality.rawValue) AND handled_at IS NULL
            """
        ).affectedRows == 1
    }
}

extension String {
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}
