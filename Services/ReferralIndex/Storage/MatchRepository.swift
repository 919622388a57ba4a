import Contracts
import Foundation
import Storage
import StoredVocabulary

/// Matches, the signals on them, and the notifications sent.
enum MatchRepository {
    static let columns = SQLFragment(
        """
        id, municipality, kind, coordinator, created_at, extended_at, status, central_contact, central_contact_recorded_at,
        coordinated_at, coordinated_by
        """
    )

    static func insert(_ match: Match, in tx: Transaction) throws {
        tx.executeLater(
            """
            INSERT INTO matches (id, municipality, kind, coordinator, created_at, extended_at, status)
            VALUES (\(match.id), \(match.municipality.rawValue), \(match.kind.rawValue), \(match.coordinator.description),
                \(match.createdAt), \(match.extendedAt), \(match.status.rawValue))
            """
        )
    }

    static func save(_ match: Match, in tx: Transaction) throws {
        tx.executeLater(
            """
            UPDATE matches SET coordinator = \(match.coordinator.description), extended_at = \(match.extendedAt),
                status = \(match.status.rawValue), central_contact = \(match.centralContact),
                central_contact_recorded_at = \(match.centralContactRecordedAt), coordinated_at = \(match.coordinatedAt),
                coordinated_by = \(match.coordinatedBy)
            WHERE id = \(match.id)
            """
        )
    }

    /// Puts `signals` on the match (those already on it stay as they are).
    static func add(_ signals: [UUID], to match: UUID, at now: Date, in tx: Transaction) throws {
        tx.executeLater(
            """
            INSERT INTO match_signals (match_id, signal_id, joined_at)
            SELECT \(match), id, \(now) FROM unnest(\(signals)::uuid[]) AS id ON CONFLICT DO NOTHING
            """
        )
    }

    static func find(_ id: UUID, municipality: MunicipalityCode, forUpdate: Bool = false, in tx: Transaction) throws -> Match? {
        try tx.query(
            """
            SELECT \(columns) FROM matches WHERE id = \(id) AND municipality = \(municipality.rawValue)
            \(forUpdate ? SignalRepository.forUpdate : SignalRepository.noLock)
            """
        ).rows.first.map(match)
    }

    /// The active matches of `kind` that hold one of `signals`, oldest first, locked.
    static func active(_ kind: Match.Kind, holding signals: [UUID], in tx: Transaction) throws -> [Match] {
        guard !signals.isEmpty else { return [] }
        return try tx.query(
            """
            SELECT \(columns) FROM matches WHERE status = 'active' AND kind = \(kind.rawValue)
              AND id IN (SELECT match_id FROM match_signals WHERE signal_id = ANY(\(signals)::uuid[]))
            ORDER BY created_at, id FOR UPDATE
            """
        ).rows.map(match)
    }

    /// The active matches that hold `signal`, locked in id order (no deadlock between two
    /// removals), so that two removals on one match both see the other's result.
    static func activeLocked(holding signal: UUID, in tx: Transaction) throws -> [Match] {
        try tx.query(
            """
            SELECT \(columns) FROM matches WHERE status = 'active'
              AND id IN (SELECT match_id FROM match_signals WHERE signal_id = \(signal))
            ORDER BY id FOR UPDATE
            """
        ).rows.map(match)
    }

    /// Ends the match (nothing else of it changes).
    static func end(_ id: UUID, in tx: Transaction) throws {
        try tx.query("UPDATE matches SET status = 'ended' WHERE id = \(id)")
    }

    /// Deletes ended matches that no signal is on any more (their records were deleted), with
    /// their notifications and the other regions' professionals.
    static func deleteEmptyEnded(in tx: Transaction) throws -> Int {
        try tx.query(
            """
            DELETE FROM matches m WHERE status = 'ended'
              AND NOT EXISTS (SELECT 1 FROM match_signals s WHERE s.match_id = m.id)
            """
        ).affectedRows
    }

    /// Every match (any status) that holds one of `signals`, newest first.
    static func holding(_ signals: [UUID], in tx: Transaction) throws -> [Match] {
        guard !signals.isEmpty else { return [] }
        return try tx.query(
            """
            SELECT \(columns) FROM matches
            WHERE id IN (SELECT match_id FROM match_signals WHERE signal_id = ANY(\(signals)::uuid[]))
            ORDER BY created_at DESC, id
            """
        ).rows.map(match)
    }

    /// The ids of the signals on each of `matches`.
    static func signalIDs(of matches: [UUID], in tx: Transaction) throws -> [UUID: [UUID]] {
        guard !matches.isEmpty else { return [:] }
        var result: [UUID: [UUID]] = [:]
        for row in try tx.query(
            "SELECT match_id, signal_id FROM match_signals WHERE match_id = ANY(\(matches)::uuid[]) ORDER BY joined_at, signal_id"
        ).rows {
            result[try row.decode(UUID.self, "match_id"), default: []].append(try row.decode(UUID.self, "signal_id"))
        }
        return result
    }

    /// The municipality's active matches, oldest first (the coordinator's view).
    static func active(in municipality: MunicipalityCode, limit: Int, in tx: Transaction) throws -> [Match] {
        try tx.query(
            """
            SELECT \(columns) FROM matches WHERE municipality = \(municipality.rawValue) AND status = 'active'
            ORDER BY created_at, id LIMIT \(limit)
            """
        ).rows.map(match)
    }

    /// Records that `recipient` was told of the match.
    static func recordNotification(
        match: UUID,
        recipient: OrganisationKey,
        signal: UUID?,
        change: String,
        at now: Date,
        in tx: Transaction
    )
        throws
    {
        tx.executeLater(
            """
            INSERT INTO notifications (id, match_id, recipient, signal_id, change, sent_at)
            VALUES (\(UUID()), \(match), \(recipient.description), \(signal), \(change), \(now))
            """
        )
    }

    static func match(_ row: Row) throws -> Match {
        Match(
            id: try row.decode(UUID.self, "id"),
            municipality: try row.municipality(),
            kind: try row.parsed("kind", as: "Match.Kind", Match.Kind.init(rawValue:)),
            coordinator: try row.parsed("coordinator", as: "OrganisationKey", OrganisationKey.init),
            createdAt: try row.decode(Date.self, "created_at"),
            extendedAt: try row.decode(Date.self, "extended_at"),
            status: try row.parsed("status", as: "Match.Status", Match.Status.init(rawValue:)),
            centralContact: try row.decodeIfPresent(UUID.self, "central_contact"),
            centralContactRecordedAt: try row.decodeIfPresent(Date.self, "central_contact_recorded_at"),
            coordinatedAt: try row.decodeIfPresent(Date.self, "coordinated_at"),
            coordinatedBy: try row.decodeIfPresent(String.self, "coordinated_by")
        )
    }
}
