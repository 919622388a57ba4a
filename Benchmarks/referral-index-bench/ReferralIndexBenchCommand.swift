import ArgumentParser
import BenchmarkSupport
import Contracts
import Foundation
import Histogram
import Logging
import Messaging
import ReferralIndex
import ReliableMessaging
import ServiceLifecycle
import Storage
import Synchronization
import TestKit

/// The referral index's benchmark (issue 13): with `--signals` active signals loaded (ten
/// million by default), (a) registration with its match check through the service, from
/// `--concurrency` concurrent callers, a tenth of them on a young person another organisation
/// signalled (a match, notified through the outbox), and (b) the latency from a match's commit to
/// its `referralindex.match.notified` on a queue. `scripts/referral-index-bench.sh` starts a
/// private broker and database and sets `WMO_TEST_AMQP_URL` and `WMO_TEST_DATABASE_URL`.
@main
struct ReferralIndexBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "referral-index-bench",
        abstract: "Measure the referral index's registration with match check on a loaded index."
    )

    @Option(help: "Active signals loaded first.") var signals = 10_000_000
    @Option(help: "Registrations measured in phase (a).") var registrations = 20_000
    @Option(help: "Percent of them on a young person another organisation signalled (a match).") var matchPercent = 10
    @Option(help: "Concurrent callers registering.") var concurrency = 16
    @Option(help: "Database connections of the service's pool.") var poolSize = 8

    func validate() throws {
        guard signals >= 0, registrations > 0, (0...100).contains(matchPercent), concurrency > 0, poolSize > 0 else {
            throw ValidationError("counts must be positive, --match-percent 0-100")
        }
    }

    func run() async throws {
        var logger = Logger(label: "referral-index-bench")
        logger.logLevel = .error
        let url = try AMQPURL(parsing: TestServers.amqpURL)
        let (schema, pool) = try await TestDatabase.freshSchema("ribench", migrations: ReferralIndexMigrations.all, poolSize: poolSize)
        let loadStart = ContinuousClock.now
        try await BenchLoad.load(signals: signals, in: pool) { loaded in
            if loaded % 2_000_000 == 0 || loaded == signals { print("  loaded \(loaded) signals") }
        }
        print("referral-index-bench: loaded \(signals) signals in \(String(format: "%.1f", (ContinuousClock.now - loadStart).seconds)) s")

        let publisher = Publisher(url: url, name: "referral-index-bench-relay", logger: logger)
        let relay = OutboxRelay(pool: pool, publisher: publisher, producer: "referral-index", logger: logger)
        let service = ReferralIndexService(
            pool: pool,
            settings: ReferralIndexSettings(keyer: SubjectKeyer(secret: Data("referral-index-bench-secret-0123456789".utf8))!),
            relay: relay
        )
        let first = OrganisationKey(municipality: .arnhem, id: "bench-first")
        let second = OrganisationKey(municipality: .arnhem, id: "bench-second")
        try await pool.withTransaction { tx in
            try OrganisationRepository.upsert(Organisation(key: first, name: "Bench eerste"), in: tx)
            try OrganisationRepository.upsert(Organisation(key: second, name: "Bench tweede"), in: tx)
        }
        let admin = try BrokerAdmin()
        let sink = Topology.Queue(name: "referral-index.bench.notified", bindings: [.init(routingKey: "\(MatchNotified.messageType).#")])
        try await admin.declare(Topology.standard(queues: [sink]))

        let matching = registrations * matchPercent / 100
        let numbers = Self.validBSNs(registrations + matching)
        let earlier = Array(numbers.prefix(matching))
        let fresh = Array(numbers.dropFirst(matching))
        @Sendable func input(_ bsn: String) -> SignalInput {
            SignalInput(
                bsn: bsn,
                birthDate: "2012-03-04",
                professional: .init(name: "Bench Professional", phone: "026 123 4567", email: "bench@bench.example"),
                youngPersonInformed: true,
                parentsInformed: true
            )
        }
        // The first organisation's signals the measured ones will match (not timed).
        _ = try await concurrently(earlier.count, workers: concurrency) { index in
            try await pool.withTransaction { tx in
                _ = try service.register(input(earlier[index]), organisation: first, actor: "bench", in: tx)
            }
        }
        // Measured: the second organisation, a match for one in `matchPercent`.
        let order = (earlier + fresh).shuffled()
        let arrivals = Arrivals()
        let consumer = Consumer(url: url, queue: sink.name, prefetch: 500, logger: logger)
        let group = ServiceGroup(configuration: .init(services: [.init(service: relay)], logger: logger))
        var failure: (any Error)?
        await withTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try? await group.run() }
            tasks.addTask {
                consumer.start()
                while let batch = await consumer.nextBatch(max: 200) {
                    let now = ContinuousClock.now
                    arrivals.seen.withLock { seen in
                        for delivery in batch {
                            if let id = delivery.properties.correlationId, seen[id] == nil { seen[id] = now }
                        }
                    }
                    let last = batch[batch.count - 1]
                    consumer.settle([.ack(tag: last.deliveryTag, multiple: true, generation: last.generation)])
                }
            }
            do {
                let start = ContinuousClock.now
                let timed = try await concurrently(order.count, workers: concurrency) { index in
                    let begun = ContinuousClock.now
                    let receipt = try await pool.withTransaction { tx in
                        try service.register(input(order[index]), organisation: second, actor: "bench", in: tx)
                    }
                    relay.wake()
                    return (begun, ContinuousClock.now, receipt.matches.first?.id)
                }
                let end = timed.map(\.1).max() ?? start
                var latency = makeHistogram()
                for (begun, done, _) in timed { _ = latency.record(micros(from: begun, to: done)) }
                print(
                    BenchmarkResult(
                        name: "(a) registration with match check",
                        count: order.count,
                        unit: .requests,
                        seconds: (end - start).seconds,
                        latency: latency
                    ).line()
                )
                let matched = timed.compactMap { item in item.2.map { (item.1, $0.uuidString.lowercased()) } }
                let deadline = ContinuousClock.now + .seconds(120)
                while arrivals.seen.withLock({ $0.count }) < matched.count {
                    guard ContinuousClock.now < deadline else {
                        throw ValidationError("only \(arrivals.seen.withLock { $0.count }) of \(matched.count) notifications arrived")
                    }
                    try await Task.sleep(for: .milliseconds(5))
                }
                var notified = makeHistogram()
                let seen = arrivals.seen.withLock { $0 }
                for (committed, match) in matched {
                    if let arrived = seen[match] { _ = notified.record(micros(from: committed, to: max(committed, arrived))) }
                }
                let last = seen.values.max() ?? end
                print(
                    BenchmarkResult(
                        name: "(b) match commit → notified on the queue",
                        count: matched.count,
                        unit: .messages,
                        seconds: (last - start).seconds,
                        latency: notified
                    ).line()
                )
            } catch {
                failure = error
            }
            await consumer.shutdown()
            await group.triggerGracefulShutdown()
            await tasks.waitForAll()
        }
        await publisher.close()
        try? await admin.delete(sink)
        _ = try? await pool.withConnection { try $0.executeSimple("SET client_min_messages = warning; DROP SCHEMA \"\(schema)\" CASCADE") }
        if let failure { throw failure }
    }

    /// The first `count` nine-digit numbers from 100000000 that pass the eleven-test.
    static func validBSNs(_ count: Int) -> [String] {
        var result: [String] = []
        var number = 100_000_000
        while result.count < count {
            let text = String(number)
            if (try? BSN(text)) != nil { result.append(text) }
            number += 1
        }
        return result
    }
}

/// When the first notification of each match (its correlation id) reached the queue.
final class Arrivals: Sendable {
    let seen = Mutex<[String: ContinuousClock.Instant]>([:])
}
