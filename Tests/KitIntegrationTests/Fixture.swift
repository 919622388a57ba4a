import Foundation
import Logging
import Messaging
import ReliableMessaging
import ServiceLifecycle
import Storage
import TestKit

/// One test's queue, schema, publisher and consumer, all private to that test.
struct Fixture: Sendable {
    let queue: Topology.Queue
    let topology: Topology
    let schema: String
    let pool: ConnectionPool
    let publisher: Publisher
    let relay: OutboxRelay
    let admin: BrokerAdmin
    let url: AMQPURL
    let logger: Logger

    static func make(_ name: String, echo: Bool = false) async throws -> Fixture {
        var logger = Logger(label: "test.\(name)")
        logger.logLevel = .warning
        let (schema, pool) = try await TestDatabase.freshSchema(name, migrations: Probe.migrations)
        let queue = Topology.Queue(
            name: "test.\(schema)",
            bindings: [.init(routingKey: "test.\(schema)")]
        )
        let topology = Topology.standard(queues: [queue])
        let admin = try BrokerAdmin()
        try await admin.declare(topology)
        let url = try AMQPURL(parsing: TestServers.amqpURL)
        let publisher = Publisher(url: url, name: "test-publisher-\(name)", topology: topology, logger: logger)
        let relay = OutboxRelay(pool: pool, publisher: publisher, producer: "kit-test", logger: logger)
        return Fixture(
            queue: queue,
            topology: topology,
            schema: schema,
            pool: pool,
            publisher: publisher,
            relay: relay,
            admin: admin,
            url: url,
            logger: logger
        )
    }

    var routingKey: String { queue.name }

    func consumer(handlers: MessageHandlers = Probe.handlers(emitTo: nil)) -> InboxConsumer {
        InboxConsumer(
            url: url,
            queue: queue,
            topology: topology,
            pool: pool,
            handlers: handlers,
            relay: relay,
            logger: logger,
            prefetch: 100,
            batchSize: 50
        )
    }

    func effects() async -> Int { await TestDatabase.count(pool, "SELECT count(*) FROM probe_effects") }
    func distinctEffects() async -> Int {
        await TestDatabase.count(pool, "SELECT count(DISTINCT sequence) FROM probe_effects")
    }

    /// Runs `services` in a service group while `body` runs, then shuts them down gracefully.
    func running(_ services: [any Service], _ body: () async throws -> Void) async throws {
        let group = ServiceGroup(configuration: .init(services: services.map { .init(service: $0) }, logger: logger))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            do {
                try await body()
            } catch {
                await group.triggerGracefulShutdown()
                try? await tasks.waitForAll()
                throw error
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    func cleanUp() async {
        try? await admin.delete(queue)
        await publisher.close()
        _ = try? await pool.withConnection { try $0.executeSimple("DROP SCHEMA IF EXISTS \"\(schema)\" CASCADE") }
    }
}
