import Foundation
import Logging
import Messaging
import ReliableMessaging
import ServiceLifecycle
import Storage
import TestKit

/// A minimal service built only from the kit, for the fault tests: it consumes
/// `PROBE_QUEUE` into `PROBE_SCHEMA` (one `probe_effects` row and one outbox event per
/// message, echoed with routing key `PROBE_ECHO`) until it is killed or gets SIGTERM.
/// `PROBE_EXIT_ON_SEQUENCE=N` makes the handler end the process (exit 3) on message N: a
/// bug that would crash-loop a service.
let environment = ProcessInfo.processInfo.environment
let queueName = environment["PROBE_QUEUE"] ?? "kit.probe"
let schema = environment["PROBE_SCHEMA"] ?? "probe"
let echo = environment["PROBE_ECHO"].flatMap { $0.isEmpty ? nil : $0 }
let exitOn = environment["PROBE_EXIT_ON_SEQUENCE"].flatMap { Int($0) }
var logger = Logger(label: "kit-probe")
logger.logLevel = .notice

let url = try AMQPURL(parsing: TestServers.amqpURL)
let pool = ConnectionPool(conninfo: TestServers.databaseURL, searchPath: schema, size: 2, logger: logger)
try await MigrationRunner(schema: schema, migrations: KitMigrations.all + Probe.migrations, logger: logger).run(on: pool)
let queue = Topology.Queue(name: queueName, bindings: [.init(routingKey: queueName)])
let topology = Topology.standard(queues: [queue])
let publisher = Publisher(url: url, name: "probe-publisher", topology: topology, logger: logger)
let relay = OutboxRelay(pool: pool, publisher: publisher, producer: "kit-probe", logger: logger)
let consumer = InboxConsumer(
    url: url,
    queue: queue,
    topology: topology,
    pool: pool,
    handlers: Probe.handlers(emitTo: echo, exitOnSequence: exitOn),
    relay: relay,
    logger: logger,
    prefetch: 50,
    batchSize: 20
)
let group = ServiceGroup(
    configuration: .init(
        services: [.init(service: relay), .init(service: consumer)],
        gracefulShutdownSignals: [.sigterm],
        logger: logger
    )
)
print("probe ready")
try await group.run()
