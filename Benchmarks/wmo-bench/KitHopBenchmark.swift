import BenchmarkSupport
import Contracts
import Foundation
import Logging
import Messaging
import ReliableMessaging
import ServiceLifecycle
import Storage
import TestKit

/// (c) The same hop through the kit: InboxConsumer (inbox dedupe + effect + outbox event in one
/// transaction per batch, then ack) and OutboxRelay (publish with confirms, delete), measured
/// until the echo of every message is on the next queue.
struct KitHopBenchmark {
    let url: AMQPURL
    let pool: ConnectionPool
    let logger: Logger

    func run(
        count: Int,
        queue: Topology.Queue,
        echoQueue: Topology.Queue,
        topology: Topology
    )
        async throws -> BenchmarkResult
    {
        let (publisher, relay, consumer) = hop(queue: queue, echoQueue: echoQueue, topology: topology)
        let group = ServiceGroup(configuration: .init(services: [.init(service: relay), .init(service: consumer)], logger: logger))
        // One long-lived connection asks for the echo queue's depth (a new connection per check
        // would load the broker during the timed run).
        let observer = Publisher(url: url, name: "bench-observer", logger: logger)
        let start = ContinuousClock.now
        var elapsed = Duration.zero
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            while true {
                let echoed = await observer.messageCount(echoQueue.name) ?? 0
                if echoed >= count { break }
                try await Task.sleep(for: .milliseconds(20))
            }
            elapsed = ContinuousClock.now - start
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
        await publisher.close()
        await observer.close()
        let applied = await TestDatabase.count(pool, "SELECT count(*) FROM probe_effects")
        precondition(applied == count, "every message applied once: \(applied) of \(count)")
        return BenchmarkResult(name: "(c) kit hop: inbox+effect+outbox → relay", count: count, unit: .messages, seconds: elapsed.seconds)
    }

    /// The service side of the hop: a relay with its publisher, and the inbox consumer of
    /// `queue` whose handler echoes every message to `echoQueue` through the outbox.
    func hop(
        queue: Topology.Queue,
        echoQueue: Topology.Queue,
        topology: Topology
    )
        -> (Publisher, OutboxRelay, InboxConsumer)
    {
        let publisher = Publisher(url: url, name: "bench-kit-relay", topology: topology, logger: logger)
        let relay = OutboxRelay(pool: pool, publisher: publisher, producer: "bench", logger: logger)
        let consumer = InboxConsumer(
            url: url,
            queue: queue,
            topology: topology,
            pool: pool,
            handlers: Probe.handlers(emitTo: echoQueue.name),
            relay: relay,
            logger: logger,
            prefetch: 200,
            batchSize: 100
        )
        return (publisher, relay, consumer)
    }

    /// End-to-end latency of the kit hop at a steady rate: publish → consumer transaction →
    /// relay → echo received, per message.
    func latency(
        rate: Int,
        seconds: Int,
        queue: Topology.Queue,
        echoQueue: Topology.Queue,
        topology: Topology
    )
        async throws -> BenchmarkResult
    {
        let (publisher, relay, consumer) = hop(queue: queue, echoQueue: echoQueue, topology: topology)
        let source = Publisher(url: url, name: "bench-source", topology: topology, logger: logger)
        let echoes = Consumer(url: url, queue: echoQueue.name, prefetch: 500, logger: logger)
        let group = ServiceGroup(configuration: .init(services: [.init(service: relay), .init(service: consumer)], logger: logger))
        let total = rate * seconds
        let sentAt = SentTimes(count: total)
        var latency = makeHistogram()
        let start = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            echoes.start()
            tasks.addTask {
                let interval = Duration.seconds(1) / rate
                for sequence in 0..<total {
                    let due = start + interval * sequence
                    if due > .now { try await Task.sleep(until: due) }
                    sentAt.mark(sequence)
                    try await source.publish(try Probe.message(sequence: sequence, routingKey: queue.name))
                }
            }
            var received = 0
            let decoder = ContractJSON.decoder()
            while received < total, let batch = await echoes.nextBatch(max: 500) {
                for delivery in batch {
                    let sequence = try decoder.decode(Envelope<ProbeRecorded>.self, from: delivery.body).payload.sequence
                    _ = latency.record(sentAt.micros(since: sequence))
                    received += 1
                }
                let last = batch[batch.count - 1]
                echoes.settle([.ack(tag: last.deliveryTag, multiple: true, generation: last.generation)])
            }
            await echoes.shutdown()
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
        await publisher.close()
        await source.close()
        return BenchmarkResult(
            name: "(c) kit hop latency at \(rate) msg/s",
            count: total,
            unit: .messages,
            seconds: (ContinuousClock.now - start).seconds,
            latency: latency
        )
    }
}

/// When each message was published (one slot per sequence number).
final class SentTimes: @unchecked Sendable {
    private var times: [ContinuousClock.Instant]
    private let lock = NSLock()

    init(count: Int) { times = Array(repeating: .now, count: count) }

    func mark(_ sequence: Int) {
        lock.withLock { times[sequence] = .now }
    }

    func micros(since sequence: Int) -> UInt64 {
        let start = lock.withLock { times[sequence] }
        return BenchmarkSupport.micros(since: start)
    }
}
