import ArgumentParser
import Foundation
import Logging
import Messaging
import ReliableMessaging
import Storage
import TestKit

/// The ceiling benchmark of the platform (issue 2): raw publish with confirms, raw
/// consume→transaction→ack, and the same hop through the kit's inbox and outbox, against the
/// broker and database named by `WMO_TEST_AMQP_URL` and `WMO_TEST_DATABASE_URL` (`scripts/bench.sh`
/// starts private ones and sets both).
@main
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wmo-bench",
        abstract: "Measure the messaging and storage kit against its raw ceilings."
    )

    @Option(help: "Messages per throughput phase.") var messages = 10_000
    @Option(help: "Messages for the confirm-every-message phase (slow by nature).") var singleConfirms = 2_000
    @Option(help: "Filler bytes per message body (the envelope adds ~250).") var payload = 800
    @Option(help: "Rate of the kit latency phase, messages per second.") var rate = 500
    @Option(help: "Duration of the kit latency phase, seconds.") var seconds = 5
    @Option(help: "Run the soak instead: this many messages through one kit hop (e.g. 1000000).") var soak: Int?
    @Option(help: "Soak: messages per second.") var soakRate = 3_000
    @Option(help: "Soak: inbox retention in seconds (InboxCleanup runs every 5 s).") var soakRetention = 60

    func run() async throws {
        var logger = Logger(label: "bench")
        logger.logLevel = .error
        let url = try AMQPURL(parsing: TestServers.amqpURL)
        let admin = try BrokerAdmin()
        let (schema, pool) = try await TestDatabase.freshSchema("bench", migrations: Probe.migrations)
        let raw = Topology.Queue(name: "bench.raw", bindings: [.init(routingKey: "bench.raw")])
        let kit = Topology.Queue(name: "bench.kit", bindings: [.init(routingKey: "bench.kit")])
        let echo = Topology.Queue(name: "bench.kit.echo", bindings: [.init(routingKey: "bench.kit.echo")])
        let topology = Topology.standard(queues: [raw, kit, echo])
        for queue in [raw, kit, echo] { try? await admin.delete(queue) }
        try await admin.declare(topology)
        if let soak {
            let hop = KitHopBenchmark(url: url, pool: pool, logger: logger)
            try await SoakBenchmark(hop: hop, pool: pool, url: url, logger: logger).run(
                total: soak,
                rate: soakRate,
                retention: .seconds(soakRetention),
                queue: kit,
                echoQueue: echo,
                topology: topology
            )
            for queue in [raw, kit, echo] { try? await admin.delete(queue) }
            _ = try? await pool.withConnection { try $0.executeSimple("DROP SCHEMA \"\(schema)\" CASCADE") }
            return
        }
        print("wmo-bench: \(messages) messages per phase, ~\(payload + 250) byte bodies, quorum queues, persistent messages")
        print("broker \(url), database schema \(schema)\n")

        let rawBench = RawBenchmarks(url: url, databaseURL: TestServers.databaseURL, payload: payload)
        print(try await rawBench.publish(count: singleConfirms, batch: 1, queue: raw).line())
        _ = try await admin.with { try $0.purgeQueue(raw.name) }
        let batched = try await rawBench.publish(count: messages, batch: 100, queue: raw)
        print(batched.line())

        let rawSingle = try await rawBench.consumeIntoDatabase(count: messages, perTransaction: 1, queue: raw, schema: schema)
        print(rawSingle.line())
        _ = try await rawBench.publish(count: messages, batch: 100, queue: raw)
        let rawBatched = try await rawBench.consumeIntoDatabase(count: messages, perTransaction: 100, queue: raw, schema: schema)
        print(rawBatched.line())

        _ = try await pool.withConnection { try $0.executeSimple("TRUNCATE probe_effects, inbox, outbox") }
        _ = try await rawBench.publish(count: messages, batch: 100, queue: kit)
        let hop = KitHopBenchmark(url: url, pool: pool, logger: logger)
        let kitHop = try await hop.run(count: messages, queue: kit, echoQueue: echo, topology: topology)
        print(kitHop.line())
        _ = try await admin.with { try $0.purgeQueue(echo.name) }
        _ = try await pool.withConnection { try $0.executeSimple("TRUNCATE probe_effects, inbox, outbox") }
        print(try await hop.latency(rate: rate, seconds: seconds, queue: kit, echoQueue: echo, topology: topology).line())

        print("")
        print(String(format: "ratio (c)/(b)  kit hop vs raw 1-per-tx loop:   %.2f  (target ≥ 0.80)", kitHop.perSecond / rawSingle.perSecond))
        print(String(format: "ratio (c)/(b') kit hop vs raw 100-per-tx loop: %.2f  (target ≥ 0.50)", kitHop.perSecond / rawBatched.perSecond))
        for queue in [raw, kit, echo] { try? await admin.delete(queue) }
        _ = try? await pool.withConnection { try $0.executeSimple("DROP SCHEMA \"\(schema)\" CASCADE") }
    }
}
