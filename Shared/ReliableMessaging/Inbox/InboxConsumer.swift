import Contracts
import Foundation
public import Logging
public import Messaging
import Metrics
public import ServiceLifecycle
public import Storage
import Synchronization

/// Consumes one queue effectively once: each batch of deliveries is applied in one
/// transaction that also records every message id in the inbox (duplicates are skipped) and
/// writes every resulting event, dead letter and retry to the outbox. Only after the commit
/// are the deliveries acknowledged, so a crash at any point redelivers and nothing applies
/// twice.
///
/// - Bad input (undecodable, unknown type or major version, invalid, rejected by the
///   handler) is dead-lettered with the reason, through the outbox.
/// - A message replayed from the dead-letter queue (`x-wmo-replay` header) is applied again,
///   once per replay; a relay duplicate or a redelivery never dead-letters or applies twice.
/// - A database that is down (or any transient error) is waited for with backoff; the
///   messages stay unacknowledged and are never dead-lettered for it.
/// - A batch that fails for another reason `isolateAfter` times is split: each message gets
///   its own transaction, and one that still fails is dead-lettered with the error, so one bad
///   message never stalls the queue.
public final class InboxConsumer: Service, Sendable {
    private let consumer: Consumer
    private let pool: ConnectionPool
    private let handlers: MessageHandlers
    private let queue: Topology.Queue
    private let relay: OutboxRelay?
    private let logger: Logger
    /// The consuming service's name, the producer of its rejection notices.
    private let serviceName: String
    private let batchSize: Int
    private let maxRetries: Int
    private let isolateAfter: Int
    /// How many transient (not outage) failures count as one failure of a bug.
    private static let transientRetries = 5
    private let stopping = Atomic<Bool>(false)
    private let applied: Counter
    private let duplicates: Counter
    private let deadLettered: Counter
    private let retried: Counter
    private let batchRetries: Counter
    private let isolations: Counter

    /// - Parameters:
    ///   - relay: woken after each commit so that resulting events leave at once.
    ///   - maxRetries: delayed retries (`HandlerError.retryLater`) before a message is dead-lettered.
    public init(
        url: AMQPURL,
        queue: Topology.Queue,
        topology: Topology,
        pool: ConnectionPool,
        handlers: MessageHandlers,
        relay: OutboxRelay?,
        logger: Logger,
        prefetch: UInt16 = 200,
        batchSize: Int = 100,
        maxRetries: Int = 20,
        isolateAfter: Int = 3,
        serviceName: String = "wmo"
    ) {
        self.serviceName = serviceName
        self.queue = queue
        self.pool = pool
        self.handlers = handlers
        self.relay = relay
        self.logger = logger
        self.batchSize = batchSize
        self.maxRetries = maxRetries
        self.isolateAfter = max(1, isolateAfter)
        consumer = Consumer(url: url, queue: queue.name, prefetch: prefetch, topology: topology, logger: logger)
        applied = Counter(label: "wmo_inbox_applied_total", dimensions: [("queue", queue.name)])
        duplicates = Counter(label: "wmo_inbox_duplicates_total", dimensions: [("queue", queue.name)])
        deadLettered = Counter(label: "wmo_dead_lettered_total", dimensions: [("queue", queue.name)])
        retried = Counter(label: "wmo_inbox_retried_total", dimensions: [("queue", queue.name)])
        batchRetries = Counter(label: "wmo_inbox_batch_retries_total", dimensions: [("queue", queue.name)])
        isolations = Counter(label: "wmo_inbox_isolated_batches_total", dimensions: [("queue", queue.name)])
    }

    /// True while the broker connection is up (for `/ready`).
    public var isConnected: Bool { consumer.isConnected }

    public func run() async throws {
        consumer.start()
        await withGracefulShutdownHandler {
            while let batch = await consumer.nextBatch(max: batchSize) {
                guard let settlement = await process(batch) else { break }
                consumer.settle([settlement])
            }
        } onGracefulShutdown: {
            self.stopping.store(true, ordering: .relaxed)
            self.consumer.stopDelivering()
        }
        await consumer.shutdown()
    }

    /// What became of one delivery in a batch.
    private enum Outcome {
        case apply(MessageHandlers.Prepared)
        case deadLetter(DeadLetterReason)
    }

    /// Applies a batch and returns the ack to send, or `nil` when shutting down before the
    /// batch could be committed (the broker then redelivers it).
    private func process(_ batch: [Delivery]) async -> Settlement? {
        let plans: [(Delivery, Outcome)] = batch.map { delivery in
            do throws(DeadLetterReason) {
                return (delivery, .apply(try handlers.prepare(delivery.body, context: DeliveryContext(delivery))))
            } catch {
                return (delivery, .deadLetter(error))
            }
        }
        var backoff = Backoff(initial: .milliseconds(100), maximum: .seconds(5))
        var failures = 0
        while true {
            do {
                try await commit(plans)
                let last = batch[batch.count - 1]
                return .ack(tag: last.deliveryTag, multiple: true, generation: last.generation)
            } catch {
                if stopping.load(ordering: .relaxed) { return nil }
                batchRetries.increment()
                let transient = (error as? StorageError)?.isTransient ?? false
                let outage = (error as? StorageError)?.isOutage ?? false
                // An outage is waited out; a timeout or deadlock gets a few more tries than a
                // bug, and then the batch is split like any other failure.
                if !outage { failures += transient ? 1 : Self.transientRetries }
                if failures >= isolateAfter * Self.transientRetries {
                    isolations.increment()
                    logger.error(
                        "batch keeps failing, applying its messages one by one",
                        metadata: ["queue": "\(queue.name)", "messages": "\(batch.count)", "error": "\(error)"]
                    )
                    return await isolate(plans)
                }
                let wait = backoff.next()
                logger.warning(
                    "batch not applied, will retry (messages stay on the queue)",
                    metadata: [
                        "queue": "\(queue.name)", "messages": "\(batch.count)", "error": "\(error)", "retryIn": "\(wait)",
                        "transient": "\(transient)",
                    ]
                )
                try? await Task.sleep(for: wait)
                if stopping.load(ordering: .relaxed) { return nil }
            }
        }
    }

    /// Applies `plans` in one transaction (the fast path first, savepoints when a handler
    /// refuses a message) and records the outcome.
    private func commit(_ plans: [(Delivery, Outcome)]) async throws {
        let report: Report
        do {
            report = try await pool.withTransaction { [self] transaction in
                try applyTogether(plans, in: transaction)
            }
        } catch is NeedsIsolation {
            // A handler refused one message: redo the batch with a savepoint per message,
            // so only that message is dead-lettered or deferred.
            report = try await pool.withTransaction { [self] transaction in
                try apply(plans, in: transaction)
            }
        }
        applied.increment(by: Int64(report.applied))
        duplicates.increment(by: Int64(report.duplicates))
        deadLettered.increment(by: Int64(report.deadLettered))
        retried.increment(by: Int64(report.retried))
        if report.wroteOutbox { relay?.wake() }
    }

    /// The slow path for a batch that failed `isolateAfter` times: one transaction per
    /// message; a message that fails on its own for a reason that is not transient is
    /// dead-lettered with that reason. Transient errors are waited out (nothing is
    /// dead-lettered because the database is away). Returns the batch's ack, or `nil` when
    /// shutting down.
    private func isolate(_ plans: [(Delivery, Outcome)]) async -> Settlement? {
        for (delivery, outcome) in plans {
            var backoff = Backoff(initial: .milliseconds(100), maximum: .seconds(5))
            var failure: (any Error)?
            var transientTries = 0
            while true {
                do {
                    if let failure {
                        var header: EnvelopeHeader?
                        if case .apply(let prepared) = outcome { header = prepared.header }
                        try await deadLetterAlone(delivery, header: header, reason: .processingFailed("\(failure)"))
                    } else {
                        try await commit([(delivery, outcome)])
                    }
                    break
                } catch {
                    if stopping.load(ordering: .relaxed) { return nil }
                    let storage = error as? StorageError
                    transientTries += storage?.isOutage == true ? 0 : 1
                    if failure == nil, !(storage?.isTransient ?? false) || transientTries > Self.transientRetries {
                        failure = error
                        continue
                    }
                    let wait = backoff.next()
                    logger.warning(
                        "isolated message not settled, will retry",
                        metadata: [
                            "queue": "\(queue.name)", "messageId": "\(delivery.properties.messageId ?? "none")",
                            "error": "\(error)", "retryIn": "\(wait)",
                        ]
                    )
                    try? await Task.sleep(for: wait)
                }
            }
        }
        let last = plans[plans.count - 1].0
        return .ack(tag: last.deliveryTag, multiple: true, generation: last.generation)
    }

    /// Dead-letters one message that cannot be applied, in a transaction of its own.
    private func deadLetterAlone(_ delivery: Delivery, header: EnvelopeHeader?, reason: DeadLetterReason) async throws {
        // The inbox key of a decoded message is its envelope id, as on the apply paths.
        let id = header?.messageId.uuidString.lowercased() ?? delivery.properties.messageId
        try await pool.withTransaction { [self] transaction in
            try deadLetter(delivery, reason: reason, messageId: id, type: delivery.properties.type, in: transaction)
        }
        deadLettered.increment()
        relay?.wake()
    }

    private struct Report {
        var applied = 0
        var duplicates = 0
        var deadLettered = 0
        var retried = 0
        var wroteOutbox = false
    }

    /// Thrown by the fast path when a handler refuses a message.
    private struct NeedsIsolation: Error {}

    /// The fast path: one inbox statement for the whole batch, then every new message's handler,
    /// without savepoints. Any refusal aborts it (`NeedsIsolation`) and the batch is redone by
    /// `apply`, message by message.
    private func applyTogether(_ plans: [(Delivery, Outcome)], in transaction: Transaction) throws -> Report {
        var report = Report()
        var ids: [String] = []
        var types: [String] = []
        var replays: [String?] = []
        var seen = Set<String>()
        var firsts: [(String, MessageHandlers.Prepared)] = []
        for (delivery, outcome) in plans {
            switch outcome {
            case .deadLetter(let reason):
                try deadLetter(delivery, reason: reason, messageId: delivery.properties.messageId, type: nil, in: transaction)
                report.deadLettered += 1
                report.wroteOutbox = true
            case .apply(let prepared):
                let id = prepared.header.messageId.uuidString.lowercased()
                guard seen.insert(id).inserted else {
                    report.duplicates += 1
                    continue
                }
                ids.append(id)
                types.append(prepared.header.type)
                replays.append(Inbox.replayId(of: delivery))
                firsts.append((id, prepared))
            }
        }
        guard !ids.isEmpty else { return report }
        let fresh = try Inbox.recordBatch(ids: ids, types: types, replays: replays, in: transaction)
        for (id, prepared) in firsts {
            guard fresh.contains(id) else {
                report.duplicates += 1
                continue
            }
            do {
                try prepared.apply(transaction)
            } catch let error as StorageError where error.isTransient {
                throw error
            } catch {
                throw NeedsIsolation()
            }
            report.applied += 1
            report.wroteOutbox = true
        }
        // What the handlers queued goes now, not with COMMIT: a write of the last handler that
        // fails must still lead to the savepoint path, which finds the message it belongs to.
        do {
            try transaction.flush()
        } catch {
            if error.isTransient { throw error }
            throw NeedsIsolation()
        }
        return report
    }

    /// Runs inside the batch transaction. A storage error that is transient aborts the whole
    /// batch (retried); anything else a handler throws only affects its own message.
    private func apply(_ plans: [(Delivery, Outcome)], in transaction: Transaction) throws -> Report {
        var report = Report()
        for (delivery, outcome) in plans {
            switch outcome {
            case .deadLetter(let reason):
                try deadLetter(delivery, reason: reason, messageId: delivery.properties.messageId, type: nil, in: transaction)
                report.deadLettered += 1
                report.wroteOutbox = true
            case .apply(let prepared):
                let id = prepared.header.messageId.uuidString.lowercased()
                let header = prepared.header
                do {
                    let fresh = try transaction.savepoint {
                        guard try Inbox.recordApplied(id: id, type: header.type, replay: Inbox.replayId(of: delivery), in: transaction)
                        else { return false }
                        try prepared.apply(transaction)
                        return true
                    }
                    if fresh {
                        report.applied += 1
                        report.wroteOutbox = true
                    } else {
                        report.duplicates += 1
                        logger.debug("duplicate skipped", metadata: metadata(header))
                    }
                } catch let error as StorageError where error.isTransient {
                    throw error
                } catch HandlerError.retryLater(let reason) {
                    // Clamped: a forged count near Int.max must not overflow below.
                    let retries = Int(clamping: max(0, delivery.properties.headers[Topology.retryCountHeader]?.integerValue ?? 0))
                    if retries >= maxRetries {
                        try deadLetter(delivery, reason: .retriesExhausted(reason), messageId: id, type: header.type, in: transaction)
                        report.deadLettered += 1
                    } else {
                        try retry(delivery, count: retries + 1, header: header, in: transaction)
                        report.retried += 1
                        logger.info("message deferred to retry queue", metadata: metadata(header).merging(["reason": "\(reason)"]) { $1 })
                    }
                    report.wroteOutbox = true
                } catch {
                    let reason: DeadLetterReason =
                        if case HandlerError.rejected(let text) = error { .rejected(text) } else { .rejected("\(error)") }
                    try deadLetter(delivery, reason: reason, messageId: id, type: header.type, in: transaction)
                    report.deadLettered += 1
                    report.wroteOutbox = true
                }
            }
        }
        return report
    }

    private func metadata(_ header: EnvelopeHeader) -> Logger.Metadata {
        [
            "queue": "\(queue.name)", "messageId": "\(header.messageId)", "correlationId": "\(header.correlationId)",
            "type": "\(header.type)",
        ]
    }

    /// Sends the original bytes to `<queue>.dlq` (through the outbox) with the reason, and
    /// records the id so a redelivery is not dead-lettered twice.
    private func deadLetter(
        _ delivery: Delivery,
        reason: DeadLetterReason,
        messageId: String?,
        type: String?,
        in transaction: Transaction
    ) throws {
        if let messageId {
            let type = type ?? "unknown"
            guard try Inbox.recordDeadLettered(id: messageId, type: type, replay: Inbox.replayId(of: delivery), in: transaction)
            else { return }
        }
        var headers = delivery.properties.headers.mapValues(\.stringValue)
        headers.merge(DeliveryContext(delivery).originHeaders) { $1 }
        headers[Topology.deadLetterReasonHeader] = reason.description
        headers[Topology.deadLetterQueueHeader] = queue.name
        try Outbox.enqueueRaw(
            exchange: Topology.deadLetterExchange,
            routingKey: queue.name,
            messageId: messageId ?? UUID().uuidString.lowercased(),
            type: type ?? delivery.properties.type ?? "unknown",
            correlationId: delivery.properties.correlationId,
            headers: headers,
            body: delivery.body,
            in: transaction
        )
        // The sender cannot read our dead-letter queue: tell an organisation what happened.
        try RejectionNotice.enqueue(for: delivery, reason: reason, queue: queue.name, producer: serviceName, in: transaction)
        try handlers.deadLetterRecorder?(
            DeadLetteredMessage(
                messageId: messageId,
                type: type ?? delivery.properties.type ?? "unknown",
                reason: reason.description,
                context: DeliveryContext(delivery)
            ),
            transaction
        )
        // What the recorder queued goes now, so that its failure is not taken for the next
        // message's (the next savepoint would carry it).
        try transaction.flush()
        logger.error(
            "message dead-lettered",
            metadata: [
                "queue": "\(queue.name)", "messageId": "\(messageId ?? "none")",
                "correlationId": "\(delivery.properties.correlationId ?? "none")", "reason": "\(reason)",
                "sender": "\(delivery.properties.userId ?? "none")", "exchange": "\(delivery.exchange)",
            ]
        )
    }

    /// Sends the original bytes to `<queue>.retry`, from where the broker returns them to the
    /// queue after the queue's retry delay.
    private func retry(_ delivery: Delivery, count: Int, header: EnvelopeHeader, in transaction: Transaction) throws {
        var headers = delivery.properties.headers.mapValues(\.stringValue)
        headers.merge(DeliveryContext(delivery).originHeaders) { $1 }
        headers[Topology.retryCountHeader] = String(count)
        try Outbox.enqueueRaw(
            exchange: "",
            routingKey: queue.retryQueue,
            messageId: header.messageId.uuidString.lowercased(),
            type: header.type,
            correlationId: header.correlationId.uuidString.lowercased(),
            headers: headers,
            body: delivery.body,
            in: transaction
        )
    }
}
