public import Logging

/// Brings a service's schema up to date at start-up: creates the schema if it can, takes an
/// advisory lock so that two instances starting together do not race, and applies every
/// migration not yet recorded, each in its own transaction.
public struct MigrationRunner: Sendable {
    public let schema: String
    public let migrations: [Migration]
    private let logger: Logger

    public init(schema: String, migrations: [Migration], logger: Logger) {
        self.schema = schema
        self.migrations = migrations
        self.logger = logger
    }

    /// Applies what is missing; returns the ids it applied.
    @discardableResult
    public func run(on pool: ConnectionPool) async throws -> [String] {
        guard SQLIdentifier.isPlain(schema) else { throw StorageError.invalidIdentifier(schema) }
        let schema = schema
        let migrations = migrations
        let logger = logger
        return try await pool.withConnection { connection in
            // A service role may own its schema without the right to create schemas: only create
            // when missing (PostgreSQL checks that right before it checks existence).
            let exists = try connection.query("SELECT 1 FROM pg_namespace WHERE nspname = \(schema)").rows.isEmpty == false
            if !exists { try connection.executeSimple("CREATE SCHEMA \"\(schema)\"") }
            try connection.executeSimple("SET search_path = \"\(schema)\"")
            try connection.query("SELECT pg_advisory_lock(hashtext(\(schema)))")
            defer { _ = try? connection.query("SELECT pg_advisory_unlock(hashtext(\(schema)))") }
            try connection.executeSimple(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    id text PRIMARY KEY,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """
            )
            let applied = Set(
                try connection.query("SELECT id FROM schema_migrations").rows.map { try $0.decode(String.self, at: 0) }
            )
            var done: [String] = []
            for migration in migrations where !applied.contains(migration.id) {
                do {
                    try connection.executeSimple("BEGIN")
                    try connection.executeSimple(migration.sql)
                    try connection.query("INSERT INTO schema_migrations (id) VALUES (\(migration.id))")
                    try connection.executeSimple("COMMIT")
                } catch {
                    try? connection.executeSimple("ROLLBACK")
                    throw StorageError.migrationFailed(id: migration.id, underlying: "\(error)")
                }
                logger.info("applied migration", metadata: ["schema": "\(schema)", "migration": "\(migration.id)"])
                done.append(migration.id)
            }
            return done
        }
    }
}
