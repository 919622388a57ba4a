import Foundation
import Messaging
import Storage

/// The relay's statements on the outbox table: lease, delete, release, count a failed
/// attempt and park. A parked row keeps its message and error until an operator replays it
/// (`scripts/outbox.sh`); the relay skips it and sends the rows after it.
struct OutboxStore: Sendable {
    /// One leased row, decoded into the message to publish.
    struct Leased: Sendable {
        let id: UUID
        let seq: Int64
        let message: OutgoingMessage
    }

    let pool: ConnectionPool
    let producer: String

    /// A batch of leased rows, with the token that marks them as this relay's.
    struct Lease: Sendable {
        let token: UUID
        let rows: [Leased]
    }

    /// Leases up to `limit` unparked rows in `seq` order for `lease`; rows that cannot even be
    /// decoded are parked on the spot and skipped.
    func lease(limit: Int, for lease: Duration) async throws -> Lease {
        let seconds = Double(lease.components.seconds)
        let token = UUID()
        let rows = try await pool.withConnection { connection in
            try connection.query(
                """
                UPDATE outbox SET leased_until = now() + make_interval(secs => \(seconds)), lease_token = \(token)
                WHERE id IN (
                    SELECT id FROM outbox
                    WHERE parked_at IS NULL AND (leased_until IS NULL OR leased_until < now())
                    ORDER BY seq LIMIT \(limit) FOR UPDATE SKIP LOCKED)
                RETURNING id, seq, exchange, routing_key, message_id, message_type, correlation_id, headers, body,
                    created_at
                """
            ).rows
        }
        var leased: [Leased] = []
        for row in rows {
            let id = try row.decode(UUID.self, "id")
            do {
                leased.append(try Self.decode(row, id: id, producer: producer))
            } catch {
                try await park(id, error: "undecodable outbox row: \(error)")
            }
        }
        return Lease(token: token, rows: leased.sorted { $0.seq < $1.seq })
    }

    /// Deletes a whole confirmed lease by its `seq` range and token: one index range scan, no
    /// list of ids to send and parse; rows of other relays inside the range keep other tokens.
    func delete(_ lease: Lease) async throws {
        guard let first = lease.rows.first?.seq, let last = lease.rows.last?.seq else { return }
        let token = lease.token
        _ = try await pool.withConnection {
            try $0.query("DELETE FROM outbox WHERE seq BETWEEN \(first) AND \(last) AND lease_token = \(token) AND parked_at IS NULL")
        }
    }

    /// One leased row as a message (internal for the fuzz harness: any column text is a typed
    /// error here, never a trap).
    static func decode(_ row: Row, id: UUID, producer: String) throws -> Leased {
        var properties = MessageProperties(
            messageId: try row.decode(String.self, "message_id"),
            type: try row.decode(String.self, "message_type"),
            correlationId: try row.decodeIfPresent(String.self, "correlation_id"),
            timestamp: try row.decode(Date.self, "created_at"),
            appId: producer
        )
        let headerText = try row.decode(String.self, "headers")
        guard let object = try? JSONDecoder().decode([String: String].self, from: Data(headerText.utf8)) else {
            throw StorageError.decodingFailed(column: "headers", expected: "a JSON object of strings", found: headerText)
        }
        properties.headers = object.mapValues { FieldValue.string($0) }
        let message = OutgoingMessage(
            exchange: try row.decode(String.self, "exchange"),
            routingKey: try row.decode(String.self, "routing_key"),
            body: try row.decode(Data.self, "body"),
            properties: properties
        )
        return Leased(id: id, seq: try row.decode(Int64.self, "seq"), message: message)
    }

    /// Deletes rows the broker confirmed.
    func delete(_ ids: [UUID]) async throws {
        guard !ids.isEmpty else { return }
        _ = try await pool.withConnection { try $0.query("DELETE FROM outbox WHERE id = ANY(\(ids)::uuid[])") }
    }

    /// Gives leased rows back at once, so the next cycle (or another relay) sends them.
    func release(_ ids: [UUID]) async {
        guard !ids.isEmpty else { return }
        _ = try? await pool.withConnection { try $0.query("UPDATE outbox SET leased_until = NULL WHERE id = ANY(\(ids)::uuid[])") }
    }

    /// Extends the lease of rows still being worked on.
    func renew(_ ids: [UUID], for lease: Duration) async throws {
        guard !ids.isEmpty else { return }
        let seconds = Double(lease.components.seconds)
        _ = try await pool.withConnection {
            try $0.query("UPDATE outbox SET leased_until = now() + make_interval(secs => \(seconds)) WHERE id = ANY(\(ids)::uuid[])")
        }
    }

    /// Counts one failed attempt of a row the broker refused; parks it after `maxAttempts`.
    /// Returns true when the row is now parked.
    func recordFailure(_ id: UUID, error: String, maxAttempts: Int) async throws -> Bool {
        try await pool.withConnection { connection in
            try connection.query(
                """
                UPDATE outbox SET attempts = attempts + 1, last_error = \(error), leased_until = NULL, lease_token = NULL,
                    parked_at = CASE WHEN attempts + 1 >= \(maxAttempts) THEN now() END
                WHERE id = \(id) RETURNING parked_at IS NOT NULL
                """
            ).rows.first?.decode(Bool.self, at: 0) ?? false
        }
    }

    /// Parks a row at once.
    func park(_ id: UUID, error: String) async throws {
        _ = try await pool.withConnection { connection in
            try connection.query(
                "UPDATE outbox SET parked_at = now(), last_error = \(error), leased_until = NULL, lease_token = NULL WHERE id = \(id)"
            )
        }
    }

    /// The age of the oldest unsent, unparked row (0 when none) and the number of parked rows.
    func health() async throws -> (oldestAge: Double, parked: Int) {
        try await pool.withConnection { connection in
            let row = try connection.query(
                """
                SELECT COALESCE((SELECT EXTRACT(EPOCH FROM now() - created_at)::float8 FROM outbox
                                 WHERE parked_at IS NULL ORDER BY seq LIMIT 1), 0),
                       (SELECT count(*) FROM outbox WHERE parked_at IS NOT NULL)
                """
            ).single()
            return (try row.decode(Double.self, at: 0), try row.decode(Int.self, at: 1))
        }
    }
}
