import BenchmarkSupport
import Foundation
import Messaging
import Storage
import TestKit

/// The ceilings without the kit: librabbitmq and libpq driven directly in one loop.
struct RawBenchmarks {
    let url: AMQPURL
    let databaseURL: String
    let payload: Int

    /// (a) publish with confirms, waiting after every message or after every `batch` messages.
    func publish(count: Int, batch: Int, queue: Topology.Queue) async throws -> BenchmarkResult {
        let url = url
        let payload = payload
        return try await onThread {
            let connection = try AMQPConnection(url: url, name: "bench-raw-publish")
            defer { connection.close() }
            try connection.enableConfirms()
            var latency = makeHistogram()
            let start = ContinuousClock.now
            var sent = 0
            while sent < count {
                let size = min(batch, count - sent)
                let batchStart = ContinuousClock.now
                var first: UInt64 = 0
                var last: UInt64 = 0
                for index in 0..<size {
                    last = try connection.publish(try Probe.message(sequence: sent + index, routingKey: queue.name, padding: payload))
                    if first == 0 { first = last }
                }
                try connection.waitForConfirms(from: first, through: last)
                let elapsed = micros(since: batchStart)
                for _ in 0..<size { _ = latency.record(elapsed) }
                sent += size
            }
            let seconds = (ContinuousClock.now - start).seconds
            return BenchmarkResult(
                name: "(a) raw publish, confirm every \(batch)",
                count: count,
                unit: .messages,
                seconds: seconds,
                latency: latency
            )
        }
    }

    /// (b) consume → BEGIN/INSERT/COMMIT → ack, `perTransaction` messages per transaction.
    func consumeIntoDatabase(
        count: Int,
        perTransaction: Int,
        queue: Topology.Queue,
        schema: String
    ) async throws
        -> BenchmarkResult
    {
        let url = url
        let databaseURL = databaseURL
        return try await onThread {
            let connection = try AMQPConnection(url: url, name: "bench-raw-consume")
            defer { connection.close() }
            let database = try PostgresConnection(conninfo: databaseURL, searchPath: schema)
            try connection.setPrefetch(200)
            try connection.startConsuming(queue.name)
            var latency = makeHistogram()
            var done = 0
            var pending: [(Delivery, ContinuousClock.Instant)] = []
            var start: ContinuousClock.Instant?
            while done < count {
                guard let delivery = try connection.nextDelivery(timeout: 1, generation: 1, queue: queue.name) else { continue }
                if start == nil { start = .now }
                pending.append((delivery, .now))
                if pending.count == perTransaction || done + pending.count == count {
                    try database.executeSimple("BEGIN")
                    for (item, _) in pending {
                        try database.query(
                            "INSERT INTO probe_effects (message_id, sequence) VALUES (\(item.properties.messageId ?? ""), 0)"
                        )
                    }
                    try database.executeSimple("COMMIT")
                    try connection.ack(pending[pending.count - 1].0.deliveryTag, multiple: true)
                    for (_, received) in pending { _ = latency.record(micros(since: received)) }
                    done += pending.count
                    pending.removeAll(keepingCapacity: true)
                }
            }
            let seconds = (ContinuousClock.now - start!).seconds
            let label = perTransaction == 1 ? "(b) raw consume→tx→ack, 1 per tx" : "(b') raw consume→tx→ack, \(perTransaction) per tx"
            return BenchmarkResult(name: label, count: count, unit: .messages, seconds: seconds, latency: latency)
        }
    }
}
