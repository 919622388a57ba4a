import Hummingbird
public import Logging
public import Messaging
public import ReliableMessaging
public import ServiceLifecycle
public import Storage

/// The kit of one running service: its settings, logger, database pool (already migrated),
/// publisher, outbox relay and topology. `main` builds one, adds the service's consumers and
/// HTTP application, and hands them to `run`.
public struct ServiceEnvironment: Sendable {
    public let settings: ServiceSettings
    public let logger: Logger
    public let pool: ConnectionPool
    public let publisher: Publisher
    public let relay: OutboxRelay
    public let topology: Topology
    public let amqpURL: AMQPURL

    /// Connects to the database (waiting for it with backoff), runs the kit's and the
    /// service's migrations, and prepares the publisher and relay.
    public static func start(
        settings: ServiceSettings,
        migrations: [Migration],
        topology: Topology
    ) async throws -> ServiceEnvironment {
        Observability.bootstrap(serviceName: settings.serviceName, logLevel: settings.logLevel)
        var logger = Logger(label: "wmo.\(settings.serviceName)")
        logger.logLevel = settings.logLevel
        let url = try AMQPURL(parsing: settings.amqpURL)
        let pool = ConnectionPool(
            conninfo: settings.databaseURL,
            searchPath: settings.schema,
            size: settings.poolSize,
            logger: logger
        )
        let runner = MigrationRunner(schema: settings.schema, migrations: KitMigrations.all + migrations, logger: logger)
        // Migrations as the schema owner, over a connection of their own; the pool's role
        // (the runtime role) is granted rows only.
        let separateOwner = settings.migrationDatabaseURL != settings.databaseURL
        let migrationPool =
            separateOwner
            ? ConnectionPool(conninfo: settings.migrationDatabaseURL, searchPath: nil, size: 1, logger: logger) : pool
        var backoff = Backoff(initial: .milliseconds(200), maximum: .seconds(5))
        while true {
            do {
                let runtimeRole: String? =
                    separateOwner
                    ? try await pool.withConnection { try $0.query("SELECT current_user::text").single().decode(String.self, at: 0) }
                    : nil
                try await runner.run(on: migrationPool, grantingTo: runtimeRole)
                break
            } catch let error as StorageError where error.isTransient {
                let wait = backoff.next()
                logger.warning("database not reachable yet", metadata: ["error": "\(error)", "retryIn": "\(wait)"])
                try await Task.sleep(for: wait)
            }
        }
        let publisher = Publisher(url: url, name: "\(settings.serviceName)-publisher", topology: topology, logger: logger)
        let relay = OutboxRelay(pool: pool, publisher: publisher, producer: settings.serviceName, logger: logger)
        return ServiceEnvironment(
            settings: settings,
            logger: logger,
            pool: pool,
            publisher: publisher,
            relay: relay,
            topology: topology,
            amqpURL: url
        )
    }

    /// A consumer of `queue` that applies `handlers` effectively once.
    public func inboxConsumer(queue: Topology.Queue, handlers: MessageHandlers) -> InboxConsumer {
        InboxConsumer(
            url: amqpURL,
            queue: queue,
            topology: topology,
            pool: pool,
            handlers: handlers,
            relay: relay,
            logger: logger,
            serviceName: settings.serviceName
        )
    }

    /// Removes inbox records past `INBOX_RETENTION_DAYS`, once a minute.
    public var inboxCleanup: InboxCleanup {
        InboxCleanup(pool: pool, retentionDays: settings.inboxRetentionDays, logger: logger)
    }

    /// `/ready`'s checks: the database answers and a broker connection can be opened.
    public func readiness() async -> [String: Bool] {
        async let database = pool.isReachable()
        async let broker = publisher.isReachable()
        return ["database": await database, "broker": await broker]
    }

    /// An HTTP application with only the operations routes, for services without pages yet.
    public func operationsApplication() -> some Service {
        let router = Router()
        OperationsRoutes.add(to: router) { await self.readiness() }
        return Application(
            router: router,
            configuration: .init(address: .hostname(settings.httpHost, port: settings.httpPort)),
            logger: logger
        )
    }

    /// Runs `services` plus the outbox relay until SIGTERM or SIGINT, then shuts them down in
    /// reverse order: the HTTP server stops taking requests, consumers finish the batch in
    /// hand, the relay sends what is committed.
    public func run(_ services: [any Service]) async throws {
        let group = ServiceGroup(
            configuration: .init(
                services: ([relay, inboxCleanup] + services).map { .init(service: $0) },
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger
            )
        )
        logger.info("starting", metadata: ["http": "\(settings.httpHost):\(settings.httpPort)", "schema": "\(settings.schema)"])
        try await group.run()
        await publisher.close()
        logger.info("stopped")
    }
}
