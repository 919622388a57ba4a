import Foundation
import Storage

/// Keeps a `CandidateIndex` up to date: reads the volunteers changed by transactions the index
/// has not seen (`change_txid` at or above its horizon, migration 0003) and moves the horizon to
/// the oldest transaction still running in this read, so that a change that commits later is
/// read then. Changes of the transaction it runs in are left out (not committed yet; the
/// shortlist is read fresh anyway, and the index counts its own proposals ahead, `reserve`) and
/// are read once they are; so are the volunteers another transaction counted ahead, until that
/// transaction has ended. One refresh at a time (`CandidateIndex.refreshing`).
enum VolunteerChanges {
    static func refresh(_ index: CandidateIndex, in tx: Transaction) throws {
        try index.refreshing {
            var since = index.horizon
            var rows = try changed(since: since, in: tx)
            guard let first = rows.first else { return }
            guard let horizon = UInt64(try first.decode(String.self, "horizon")) else {
                throw StorageError.decodingFailed(column: "horizon", expected: "a transaction id", found: nil)
            }
            // The database's transactions behind what the index saw: another cluster (a restore).
            // Everything is read again.
            if horizon < since {
                since = 0
                rows = try changed(since: 0, in: tx)
            }
            let own = try first.decodeIfPresent(String.self, "own").flatMap { UInt64($0) }
            let reserved = index.reserved(seenFrom: own)
            if !reserved.isEmpty {
                rows += try tx.query(
                    """
                    SELECT \(VolunteerRepository.columns), v.open_matches AS load, v.change_txid::text AS changed_by FROM volunteers v
                    WHERE v.id = ANY (\(reserved.map { $0.uuidString.lowercased() })::uuid[])
                        AND v.change_txid IS DISTINCT FROM pg_current_xact_id_if_assigned()
                    """
                ).rows
            }
            var entries: [CandidateIndex.Entry] = []
            entries.reserveCapacity(rows.count)
            for row in rows where try row.decodeIfPresent(UUID.self, "id") != nil {
                let candidate = MatchScorer.Candidate(volunteer: try VolunteerRepository.volunteer(row), load: try row.decode(Int.self, "load"))
                let changedBy = UInt64(try row.decode(String.self, "changed_by")) ?? 0
                entries.append(CandidateIndex.Entry(candidate, validityYears: index.validityYears, changedBy: changedBy))
            }
            index.apply(entries, horizon: since == 0 ? horizon : max(horizon, since))
        }
    }

    /// The rows changed by transactions from `since` on (but this one), each with the horizon of
    /// this read and this transaction; one row of nulls with them when nothing changed.
    static func changed(since: UInt64, in tx: Transaction) throws -> [Row] {
        try tx.query(
            """
            WITH h AS (SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon, pg_current_xact_id_if_assigned() AS own)
            SELECT h.horizon, h.own::text AS own, \(VolunteerRepository.columns), v.open_matches AS load, v.change_txid::text AS changed_by
            FROM h LEFT JOIN volunteers v ON v.change_txid >= \(String(since))::xid8 AND v.change_txid IS DISTINCT FROM h.own
            """
        ).rows
    }
}
