import Foundation
public import Logging
public import Messaging
import Metrics
public import ServiceLifecycle
public import Storage
import Synchronization

/// Publishes what the outbox holds, in order, with confirms; deletes rows only after the
/// broker confirmed them. Rows are leased with `FOR UPDATE SKIP LOCKED`, so several instances
/// can run; a relay that dies leaves its lease to expire and the rows are sent again (the
/// consumers' inbox drops the duplicates).
public final class OutboxRelay: Service, Sendable {
    private let pool: ConnectionPool
    private let publisher: Publisher
    private let producer: String
    private let logger: Logger
    private let batchSize: Int
    private let idleInterval: Duration
    private struct WakeState {
        var waiter: CheckedContinuation<Void, Never>?
        var pending = false
    }
    private let wakeSignal = Mutex(WakeState())
    private let relayed: Counter
    private let lag: Gauge

    public init(
        pool: ConnectionPool,
        publisher: Publisher,
        producer: String,
        logger: Logger,
        batchSize: Int = 200,
        idleInterval: Duration = .milliseconds(200)
    ) {
        self.pool = pool
        self.publisher = publisher
        self.producer = producer
        self.logger = logger
        self.batchSize = batchSize
        self.idleInterval = idleInterval
        relayed = Counter(label: "wmo_outbox_relayed_total", dimensions: [("service", producer)])
        lag = Gauge(label: "wmo_outbox_oldest_unsent_age_seconds", dimensions: [("service", producer)])
    }

    /// Tells the relay that something was written (after a commit), so it does not wait for
    /// the next poll.
    public func wake() {
        let waiter = wakeSignal.withLock { state -> CheckedContinuation<Void, Never>? in
            defer { state.waiter = nil }
            if state.waiter == nil { state.pending = true }
            return state.waiter
        }
        waiter?.resume()
    }

    public func run() async throws {
        var backoff = Backoff(initial: .milliseconds(200), maximum: .seconds(10))
        await withGracefulShutdownHandler {
            while !Task.isShuttingDownGracefully && !Task.isCancelled {
                do {
                    let sent = try await relayOnce()
                    backoff.reset()
                    if sent < batchSize { await waitForWork() }
                } catch {
                    let wait = backoff.next()
                    logger.warning("outbox relay cycle failed", metadata: ["error": "\(error)", "retryIn": "\(wait)"])
                    try? await Task.sleep(for: wait)
                }
            }
        } onGracefulShutdown: {
            self.wake()
        }
    }

    /// One cycle: lease up to `batchSize` rows, publish them with confirms, delete them.
    /// Returns how many were sent.
    @discardableResult
    public func relayOnce() async throws -> Int {
        let limit = batchSize
        let rows = try await pool.withConnection { connection in
            try connection.query(
                """
                UPDATE outbox SET leased_until = now() + interval '15 seconds'
                WHERE id IN (
                    SELECT id FROM outbox WHERE leased_until IS NULL OR leased_until < now()
                    ORDER BY seq LIMIT \(limit) FOR UPDATE SKIP LOCKED)
                RETURNING id, seq, exchange, routing_key, message_id, message_type, correlation_id, headers, body,
                    created_at
                """
            ).rows
        }
        try await recordLag()
        guard !rows.isEmpty else { return 0 }
        var ids: [UUID] = []
        var messages: [(Int64, OutgoingMessage)] = []
        for row in rows {
            ids.append(try row.decode(UUID.self, "id"))
            var properties = MessageProperties(
                messageId: try row.decode(String.self, "message_id"),
                type: try row.decode(String.self, "message_type"),
                correlationId: try row.decodeIfPresent(String.self, "correlation_id"),
                timestamp: try row.decode(Date.self, "created_at"),
                appId: producer
            )
            let headerText = try row.decode(String.self, "headers")
            if let object = try JSONSerialization.jsonObject(with: Data(headerText.utf8)) as? [String: String] {
                properties.headers = object.mapValues { FieldValue.string($0) }
            }
            messages.append(
                (
                    try row.decode(Int64.self, "seq"),
                    OutgoingMessage(
                        exchange: try row.decode(String.self, "exchange"),
                        routingKey: try row.decode(String.self, "routing_key"),
                        body: try row.decode(Data.self, "body"),
                        properties: properties
                    )
                )
            )
        }
        messages.sort { $0.0 < $1.0 }
        let confirmed = ids
        do {
            try await publisher.publish(messages.map(\.1), retryFor: .seconds(10))
        } catch {
            // Give the rows back at once, so the next cycle (or another relay) sends them.
            _ = try? await pool.withConnection { connection in
                try connection.query("UPDATE outbox SET leased_until = NULL WHERE id = ANY(\(confirmed)::uuid[])")
            }
            throw error
        }
        _ = try await pool.withConnection { connection in
            try connection.query("DELETE FROM outbox WHERE id = ANY(\(confirmed)::uuid[])")
        }
        relayed.increment(by: Int64(rows.count))
        return rows.count
    }

    /// Exports the age of the oldest row still in the outbox, leased or not: a relay that
    /// stops or falls behind shows up here (alert on it).
    private func recordLag() async throws {
        let age = try await pool.withConnection { connection in
            try connection.query(
                "SELECT EXTRACT(EPOCH FROM now() - created_at)::float8 FROM outbox ORDER BY seq LIMIT 1"
            ).rows.first?.decode(Double.self, at: 0)
        }
        lag.record(max(0, age ?? 0))
    }

    /// The number of rows still waiting (for tests and `/metrics`).
    public func pendingCount() async throws -> Int {
        try await pool.withConnection { try $0.query("SELECT count(*) FROM outbox").single().decode(Int.self, at: 0) }
    }

    private func waitForWork() async {
        let interval = idleInterval
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                try? await Task.sleep(for: interval)
            }
            group.addTask {
                await withCheckedContinuation { continuation in
                    let resumeNow = self.wakeSignal.withLock { state -> Bool in
                        if state.pending {
                            state.pending = false
                            return true
                        }
                        state.waiter = continuation
                        return false
                    }
                    if resumeNow { continuation.resume() }
                }
            }
            await group.next()
            // Release whichever side is still waiting, and forget the wake-up it consumed.
            self.wake()
            group.cancelAll()
            await group.waitForAll()
            self.wakeSignal.withLock { $0.pending = false }
        }
    }
}
