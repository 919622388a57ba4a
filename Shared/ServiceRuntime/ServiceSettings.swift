public import Configuration
public import Logging

/// The settings every service reads from the environment once at start-up. Keys are read
/// with swift-configuration: `http.port` comes from `HTTP_PORT`, and so on.
///
/// | variable | default | meaning |
/// |---|---|---|
/// | `AMQP_URL` | `amqp://guest:guest@127.0.0.1:5672/` | RabbitMQ |
/// | `DATABASE_URL` | `postgresql://postgres@127.0.0.1:5432/wmo` | PostgreSQL (libpq URL), as the service's runtime role (rows only) |
/// | `DATABASE_MIGRATION_URL` | `DATABASE_URL` | the schema owner's login, used only to migrate and grant the runtime role |
/// | `DATABASE_SCHEMA` | the service's name | the service's own schema |
/// | `DATABASE_POOL_SIZE` | `4` | connections in the pool |
/// | `HTTP_HOST` | `127.0.0.1` | address to listen on (`0.0.0.0` in containers) |
/// | `HTTP_PORT` | per service (8080-8084) | port for pages, API, `/health`, `/ready`, `/metrics` |
/// | `INBOX_RETENTION_DAYS` | `14` | days a consumed message id is kept for deduplication |
/// | `LOG_LEVEL` | `info` | trace, debug, info, notice, warning, error, critical |
public struct ServiceSettings: Sendable {
    public var serviceName: String
    public var amqpURL: String
    public var databaseURL: String
    /// The schema owner's URL for migrations (the runtime role cannot change structure).
    public var migrationDatabaseURL: String
    public var schema: String
    public var poolSize: Int
    public var httpHost: String
    public var httpPort: Int
    public var logLevel: Logger.Level
    /// Days an inbox record (a consumed message id) is kept for deduplication.
    public var inboxRetentionDays: Int
    /// The reader the settings came from, for service-specific keys.
    public let reader: ConfigReader

    /// Reads the settings of `serviceName` from the environment.
    public init(
        serviceName: String,
        defaultSchema: String,
        defaultPort: Int,
        reader: ConfigReader = ConfigReader(provider: EnvironmentVariablesProvider())
    ) {
        self.serviceName = serviceName
        self.reader = reader
        amqpURL = reader.string(forKey: "amqp.url", default: "amqp://guest:guest@127.0.0.1:5672/")
        databaseURL = reader.string(forKey: "database.url", default: "postgresql://postgres@127.0.0.1:5432/wmo")
        migrationDatabaseURL = reader.string(forKey: "database.migration.url", default: databaseURL)
        schema = reader.string(forKey: "database.schema", default: defaultSchema)
        poolSize = reader.int(forKey: "database.pool.size", default: 4)
        httpHost = reader.string(forKey: "http.host", default: "127.0.0.1")
        httpPort = reader.int(forKey: "http.port", default: defaultPort)
        logLevel = Logger.Level(rawValue: reader.string(forKey: "log.level", default: "info").lowercased()) ?? .info
        inboxRetentionDays = reader.int(forKey: "inbox.retention.days", default: 14)
    }
}
