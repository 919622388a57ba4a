import Foundation
import Messaging
import Storage

/// The inbox table: one record per message id, so a message is applied at most once.
///
/// A record is `applied` or `dead-lettered`. Only an explicit replay (the `x-wmo-replay`
/// header set by `scripts/dlq.sh replay`, with a fresh id per replay) may apply a message whose
/// record says dead-lettered, and each replay id counts once: a relay duplicate of a
/// dead-lettered message is a duplicate, and a replay that the broker redelivers after a crash
/// is applied once.
enum Inbox {
    /// Records the messages of a batch in one statement; returns the ids that are new (or
    /// replays of a dead-lettered message) and must be applied now.
    static func recordBatch(
        ids: [String],
        types: [String],
        replays: [String?],
        in transaction: Transaction
    ) throws -> Set<String> {
        Set(
            try transaction.query(
                """
                INSERT INTO inbox (message_id, message_type, replay_id)
                SELECT * FROM unnest(\(ids)::text[], \(types)::text[], \(replays)::text[])
                ON CONFLICT (message_id) DO UPDATE
                    SET outcome = 'applied', received_at = now(), replay_id = excluded.replay_id
                WHERE inbox.outcome = 'dead-lettered' AND excluded.replay_id IS NOT NULL
                    AND inbox.replay_id IS DISTINCT FROM excluded.replay_id
                RETURNING message_id
                """
            ).rows.map { try $0.decode(String.self, at: 0) }
        )
    }

    /// Records one message as applied; `false` when it is a duplicate.
    static func recordApplied(id: String, type: String, replay: String?, in transaction: Transaction) throws -> Bool {
        try transaction.query(
            """
            INSERT INTO inbox (message_id, message_type, replay_id) VALUES (\(id), \(type), \(replay))
            ON CONFLICT (message_id) DO UPDATE
                SET outcome = 'applied', received_at = now(), replay_id = excluded.replay_id
            WHERE inbox.outcome = 'dead-lettered' AND excluded.replay_id IS NOT NULL
                AND inbox.replay_id IS DISTINCT FROM excluded.replay_id
            """
        ).affectedRows == 1
    }

    /// Records one message as dead-lettered; `false` when that was already done for this
    /// delivery (a redelivery after a crash must not dead-letter twice).
    static func recordDeadLettered(id: String, type: String, replay: String?, in transaction: Transaction) throws -> Bool {
        try transaction.query(
            """
            INSERT INTO inbox (message_id, message_type, outcome, replay_id)
            VALUES (\(id), \(type), 'dead-lettered', \(replay))
            ON CONFLICT (message_id) DO UPDATE SET received_at = now(), replay_id = excluded.replay_id
            WHERE inbox.outcome = 'dead-lettered' AND excluded.replay_id IS NOT NULL
                AND inbox.replay_id IS DISTINCT FROM excluded.replay_id
            """
        ).affectedRows == 1
    }

    /// The replay id a delivery carries, if it is a replay from a dead-letter queue.
    static func replayId(of delivery: Delivery) -> String? {
        guard let value = delivery.properties.headers[Topology.replayHeader]?.stringValue, !value.isEmpty else { return nil }
        return String(value.prefix(100))
    }
}
