import Foundation
import Storage

/// Keeps a `CandidateIndex` up to date: reads the volunteers changed by transactions the index
/// has not seen (`change_txid` at or above its horizon, migration 0003) and moves the horizon to
/// the oldest transaction still running in this read, so that a change that commits later is
/// read then. Changes of the transaction it runs in are left out: they are not committed yet (the
/// shortlist is read fresh anyway, and the index counts its own proposals ahead, `reserve`), and
/// are read once they are; so are the volunteers `reserve` marked.
enum VolunteerChanges {
    static func refresh(_ index: CandidateIndex, in tx: Transaction) throws {
        var rows = try tx.query(
            """
            WITH h AS (SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon, pg_current_xact_id_if_assigned() AS own)
            SELECT h.horizon, h.own::text AS own, \(VolunteerRepository.columns), v.open_matches AS load
            FROM h LEFT JOIN volunteers v ON v.change_txid >= \(String(index.horizon))::xid8 AND v.change_txid IS DISTINCT FROM h.own
            """
        ).rows
        guard let first = rows.first else { return }
        guard let horizon = UInt64(try first.decode(String.self, "horizon")) else {
            throw StorageError.decodingFailed(column: "horizon", expected: "a transaction id", found: nil)
        }
        let own = try first.decodeIfPresent(String.self, "own").flatMap { UInt64($0) }
        // Volunteers counted ahead by another transaction: as they are now (committed, or back
        // as they were when it rolled back).
        let dirty = index.dirty(seenFrom: own)
        if !dirty.isEmpty {
            let current = try tx.query(
                """
                SELECT \(VolunteerRepository.columns), v.open_matches AS load FROM volunteers v
                WHERE v.id = ANY (\(dirty.map { $0.uuidString.lowercased() })::uuid[])
                    AND v.change_txid IS DISTINCT FROM pg_current_xact_id_if_assigned()
                """
            ).rows
            // Those not read back were changed by this transaction: not before it ends.
            let read = Set(try current.map { try $0.decode(UUID.self, "id") })
            index.claim(dirty.filter { !read.contains($0) }, by: own)
            rows += current
        }
        var entries: [CandidateIndex.Entry] = []
        entries.reserveCapacity(rows.count)
        for row in rows where try row.decodeIfPresent(UUID.self, "id") != nil {
            let candidate = MatchScorer.Candidate(volunteer: try VolunteerRepository.volunteer(row), load: try row.decode(Int.self, "load"))
            entries.append(CandidateIndex.Entry(candidate, validityYears: index.validityYears))
        }
        index.apply(entries, horizon: horizon)
    }
}
