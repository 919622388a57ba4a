import Foundation
public import Logging
public import Messaging
import Metrics
public import ServiceLifecycle
public import Storage
import Synchronization

/// Publishes what the outbox holds, in `seq` order, with confirms; deletes rows only after
/// the broker confirmed them. Rows are leased with `FOR UPDATE SKIP LOCKED`, so several
/// instances can run; a relay that dies leaves its lease to expire and the rows are sent again
/// (the consumers' inbox drops the duplicates).
///
/// - The lease (`lease`, 30 s) is always longer than one publish attempt (connect 5 s +
///   confirm wait 10 s), and renewed while a batch is sent one by one, so no second relay
///   sends the same rows while the first still works on them.
/// - A row the broker refuses (above `max_message_size`, nacked, an exchange it may not
///   write) is retried `maxAttempts` times, then parked with its error: kept, visible in
///   `/metrics` (`wmo_outbox_parked`) and `scripts/outbox.sh`, replayable; the rows after it go
///   on. A failed batch falls back to one message at a time to find that row.
/// - A broker that cannot be reached parks nothing: the rows wait.
public final class OutboxRelay: Service, Sendable {
    /// How long a lease lasts: more than the longest single attempt (`attemptBound`).
    public static let lease: Duration = .seconds(30)
    /// The longest one publish attempt can take: connect (5 s) plus the confirm wait (10 s).
    public static let attemptBound: Duration = .seconds(15)

    private let store: OutboxStore
    private let publisher: Publisher
    private let logger: Logger
    private let batchSize: Int
    private let idleInterval: Duration
    private let maxAttempts: Int
    private struct WakeState {
        var waiter: CheckedContinuation<Void, Never>?
        var pending = false
    }
    private let wakeSignal = Mutex(WakeState())
    private let relayed: Counter
    private let parkedTotal: Counter
    private let lag: Gauge
    private let parked: Gauge
    private let unroutable: Gauge
    private let lastUnroutable = Mutex(0)

    public init(
        pool: ConnectionPool,
        publisher: Publisher,
        producer: String,
        logger: Logger,
        batchSize: Int = 200,
        idleInterval: Duration = .milliseconds(200),
        maxAttempts: Int = 5
    ) {
        store = OutboxStore(pool: pool, producer: producer)
        self.publisher = publisher
        self.logger = logger
        self.batchSize = batchSize
        self.idleInterval = idleInterval
        self.maxAttempts = max(1, maxAttempts)
        relayed = Counter(label: "wmo_outbox_relayed_total", dimensions: [("service", producer)])
        parkedTotal = Counter(label: "wmo_outbox_parked_total", dimensions: [("service", producer)])
        lag = Gauge(label: "wmo_outbox_oldest_unsent_age_seconds", dimensions: [("service", producer)])
        parked = Gauge(label: "wmo_outbox_parked", dimensions: [("service", producer)])
        unroutable = Gauge(label: "wmo_unroutable_messages", dimensions: [("service", producer)])
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
        await withGracefulShutdownHandler {
            await withTaskGroup(of: Void.self) { group in
                // The health figures have their own loop, so they stay fresh while a publish hangs.
                group.addTask { await self.watchHealth() }
                await self.relayLoop()
                group.cancelAll()
            }
        } onGracefulShutdown: {
            self.wake()
        }
    }

    private func relayLoop() async {
        var backoff = Backoff(initial: .milliseconds(200), maximum: .seconds(10))
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
    }

    /// Every 2 s: the age of the oldest unsent row, the parked rows, the unroutable queue.
    private func watchHealth() async {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            await refreshHealth()
            try? await Task.sleep(for: .seconds(2))
        }
    }

    /// Updates the relay's gauges once (also called by tests).
    public func refreshHealth() async {
        if let health = try? await store.health() {
            lag.record(max(0, health.oldestAge))
            parked.record(health.parked)
        }
        if let count = await publisher.messageCount(Topology.unroutableQueue) {
            unroutable.record(count)
            let previous = lastUnroutable.withLock { value -> Int in
                defer { value = count }
                return value
            }
            if count > previous {
                logger.error(
                    "ALERT: messages that no queue takes are collecting in \(Topology.unroutableQueue); a binding or queue is missing",
                    metadata: ["messages": "\(count)"]
                )
            }
        }
    }

    /// One cycle: lease up to `batchSize` rows, publish them with confirms, delete them.
    /// Returns how many were sent.
    @discardableResult
    public func relayOnce() async throws -> Int {
        let leasedAt = ContinuousClock.now
        let lease = try await store.lease(limit: batchSize, for: Self.lease)
        let rows = lease.rows
        guard !rows.isEmpty else { return 0 }
        do {
            try await publisher.publishOnce(rows.map(\.message))
        } catch {
            guard rows.count > 1 || error.isMessageRefusal else {
                await store.release(rows.map(\.id))
                throw error
            }
            return try await relayOneByOne(rows, leasedAt: leasedAt)
        }
        try await store.delete(lease)
        relayed.increment(by: Int64(rows.count))
        return rows.count
    }

    /// After a failed batch: one message at a time, in order, until one fails. A refused row
    /// counts an attempt (parked after `maxAttempts`); the rest of the batch is given back.
    private func relayOneByOne(_ rows: [OutboxStore.Leased], leasedAt: ContinuousClock.Instant) async throws -> Int {
        let clock = ContinuousClock()
        var leasedAt = leasedAt  // the failed batch attempt already used part of the lease
        var sent = 0
        for (index, row) in rows.enumerated() {
            let remaining = rows[index...].map(\.id)
            if clock.now - leasedAt > Self.lease / 3 {
                try await store.renew(remaining, for: Self.lease)
                leasedAt = clock.now
            }
            do {
                try await publisher.publishOnce([row.message])
                try await store.delete([row.id])
                relayed.increment()
                sent += 1
            } catch {
                guard (error as? AMQPError)?.isMessageRefusal ?? false else {
                    await store.release(remaining)
                    throw error
                }
                let isParked = try await store.recordFailure(row.id, error: "\(error)", maxAttempts: maxAttempts)
                await store.release(Array(remaining.dropFirst()))
                if isParked {
                    parkedTotal.increment()
                    logger.error(
                        "outbox row parked: the broker keeps refusing it (scripts/outbox.sh list)",
                        metadata: [
                            "messageId": "\(row.message.properties.messageId ?? "none")",
                            "type": "\(row.message.properties.type ?? "none")", "error": "\(error)",
                        ]
                    )
                    return sent + 1  // not sent, but the relay may go straight on with the next rows
                }
                throw error
            }
        }
        return sent
    }

    /// The number of rows still waiting, parked ones included (for tests and `/metrics`).
    public func pendingCount() async throws -> Int {
        try await store.pool.withConnection { try $0.query("SELECT count(*) FROM outbox").single().decode(Int.self, at: 0) }
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
