import BenchmarkSupport
import Contracts
import Foundation
import Histogram
import Logging
import Messaging
import ReliableMessaging
import ServiceLifecycle
import Storage
import TestKit

/// The soak: `total` messages at a steady rate through one kit hop (consumer, inbox, effect,
/// outbox, relay, echo) with `InboxCleanup` running, reporting per window of `total / 10`
/// messages the process's RSS, the inbox and outbox tables' rows and sizes, and the window's
/// latency percentiles: each column must stay flat.
struct SoakBenchmark {
    let hop: KitHopBenchmark
    let pool: ConnectionPool
    let url: AMQPURL
    let logger: Logger

    func run(total: Int, rate: Int, retention: Duration, queue: Topology.Queue, echoQueue: Topology.Queue, topology: Topology) async throws {
        let (publisher, relay, consumer) = hop.hop(queue: queue, echoQueue: echoQueue, topology: topology)
        let cleanup = InboxCleanup(pool: pool, retention: retention, batchSize: 5_000, interval: .seconds(5), logger: logger)
        let source = Publisher(url: url, name: "soak-source", topology: topology, logger: logger)
        let echoes = Consumer(url: url, queue: echoQueue.name, prefetch: 1_000, logger: logger)
        let group = ServiceGroup(
            configuration: .init(services: [.init(service: relay), .init(service: consumer), .init(service: cleanup)], logger: logger)
        )
        let window = max(1, total / 10)
        let sentAt = SentTimes(count: total)
        write("soak: \(total) messages at \(rate) msg/s, inbox retention \(retention), report every \(window)")
        write("  messages   window s   msg/s   p50 ms   p99 ms   RSS MiB   inbox rows  inbox MiB  outbox rows  outbox MiB")
        let start = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            echoes.start()
            tasks.addTask {
                // Batches of 50 every 50/rate seconds: the rate without a publish per message.
                let batch = 50
                let interval = Duration.seconds(1) * (Double(batch) / Double(rate))
                for first in stride(from: 0, to: total, by: batch) {
                    let due = start + interval * (first / batch)
                    if due > .now { try await Task.sleep(until: due) }
                    let messages = try (first..<min(total, first + batch)).map {
                        try Probe.message(sequence: $0, routingKey: queue.name, padding: 800)
                    }
                    for sequence in first..<min(total, first + batch) { sentAt.mark(sequence) }
                    try await source.publish(messages)
                }
            }
            var received = 0
            var latency = makeHistogram()
            var windowStart = ContinuousClock.now
            let decoder = ContractJSON.decoder()
            var seen = Set<Int>()
            while received < total, let batch = await echoes.nextBatch(max: 1_000) {
                for delivery in batch {
                    let sequence = try decoder.decode(Envelope<ProbeRecorded>.self, from: delivery.body).payload.sequence
                    guard seen.insert(sequence).inserted else { continue }  // a relay duplicate
                    // Clamped to the histogram's range: a backlog must show as a high p99, not vanish.
                    _ = latency.record(min(sentAt.micros(since: sequence), 59_000_000))
                    received += 1
                    if received % window == 0 {
                        try await report(received, count: window, since: windowStart, latency: latency)
                        latency = makeHistogram()
                        windowStart = .now
                    }
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
        write(
            String(format: "soak: %d messages in %.0f s, peak RSS %.1f MiB", total, (ContinuousClock.now - start).seconds, PeakMemory.residentMiB())
        )
    }

    private func report(_ received: Int, count: Int, since windowStart: ContinuousClock.Instant, latency: Histogram<UInt64>) async throws {
        let seconds = (ContinuousClock.now - windowStart).seconds
        let sizes = try await pool.withConnection { connection in
            try connection.query(
                """
                SELECT (SELECT count(*) FROM inbox), pg_total_relation_size('inbox')::float8 / 1048576,
                       (SELECT count(*) FROM outbox), pg_total_relation_size('outbox')::float8 / 1048576
                """
            ).single()
        }
        let line = String(
            format: "%10d %10.1f %7.0f %8.2f %8.2f %9.1f %12d %10.1f %12d %11.1f",
            received,
            seconds,
            Double(count) / seconds,
            Double(latency.valueAtPercentile(50)) / 1000,
            Double(latency.valueAtPercentile(99)) / 1000,
            CurrentMemory.residentMiB(),
            try sizes.decode(Int.self, at: 0),
            try sizes.decode(Double.self, at: 1),
            try sizes.decode(Int.self, at: 2),
            try sizes.decode(Double.self, at: 3)
        )
        write(line)
    }

    /// Unbuffered: the table is read while the soak runs.
    private func write(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}

/// Current resident set size (`VmRSS`): flat over a soak means no leak.
enum CurrentMemory {
    static func residentMiB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return (line.split(separator: " ").compactMap { Double($0) }.first ?? 0) / 1024
        }
        return 0
    }
}
