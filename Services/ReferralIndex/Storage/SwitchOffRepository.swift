import Contracts
import Foundation
import Storage

/// Municipalities that switched their index off, with the report of what was purged; and the
/// purge itself, which deletes every row of the municipality in one transaction.
enum SwitchOffRepository {
    /// The municipality's lock for the transaction: registrations share it, a switch-off holds
    /// it alone, so no registration commits between the purge and the switch-off record.
    static func lock(_ municipality: MunicipalityCode, exclusive: Bool, in tx: Transaction) throws {
        let key = Int64(municipality.rawValue) ?? 0
        if exclusive {
            tx.executeLater("SELECT pg_advisory_xact_lock(1, \(Int32(key)))")
        } else {
            tx.executeLater("SELECT pg_advisory_xact_lock_shared(1, \(Int32(key)))")
        }
    }

    /// Deletes the municipality's signals (with parents and match links), matches (with
    /// notifications) and audit entries; returns the counts. Accounts and designations stay (they
    /// say nothing about young people) and can be removed as usual.
    static func purge(_ municipality: MunicipalityCode, in tx: Transaction) throws -> (signals: Int, matches: Int, notifications: Int, audit: Int) {
        let code = municipality.rawValue
        let notifications = try tx.query(
            "DELETE FROM notifications WHERE match_id IN (SELECT id FROM matches WHERE municipality = \(code))"
        ).affectedRows
        let matches = try tx.query("DELETE FROM matches WHERE municipality = \(code)").affectedRows
        let signals = try tx.query("DELETE FROM signals WHERE municipality = \(code)").affectedRows
        try tx.query("DELETE FROM excluded_addresses WHERE municipality = \(code)")
        try AuditLog.allowDeletes(in: tx)
        let audit = try tx.query("DELETE FROM audit_log WHERE municipality = \(code)").affectedRows
        return (signals, matches, notifications, audit)
    }

    static func record(_ report: SwitchOffReport, in tx: Transaction) throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(report), as: UTF8.self)
        try tx.query(
            """
            INSERT INTO switch_offs (municipality, switched_off_at, switched_off_by, report)
            VALUES (\(report.municipality), \(report.switchedOffAt), \(report.switchedOffBy), \(json)::jsonb)
            """
        )
    }

    /// The report of the municipality's switch-off, if it happened.
    static func report(_ municipality: MunicipalityCode, in tx: Transaction) throws -> SwitchOffReport? {
        guard let text = try tx.query("SELECT report::text AS report FROM switch_offs WHERE municipality = \(municipality.rawValue)").rows.first
        else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(SwitchOffReport.self, from: Data(try text.decode(String.self, "report").utf8))
    }
}
