public import Logging

/// Brings a service's schema up to date at start-up: takes an advisory lock so that two
/// instances starting together do not race (before anything else, `CREATE SCHEMA` included),
/// creates the schema if it can, and applies every migration not yet recorded, each in its own
/// transaction.
///
/// Least privilege: migrations run as the schema's owner; the service itself runs as a role
/// that may only read and write rows. `run(on:grantingTo:)` grants that role exactly the DML
/// it needs, on every table and sequence of the schema, after the migrations.
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
    public func run(on pool: ConnectionPool, grantingTo runtimeRole: String? = nil) async throws -> [String] {
        guard SQLIdentifier.isPlain(schema) else { throw StorageError.invalidIdentifier(schema) }
        if let runtimeRole, !SQLIdentifier.isPlain(runtimeRole) { throw StorageError.invalidIdentifier(runtimeRole) }
        let schema = schema
        let migrations = migrations
        let logger = logger
        do {
            return try await migrate(on: pool, schema: schema, migrations: migrations, runtimeRole: runtimeRole, logger: logger)
        } catch let error as StorageError {
            // The runtime role may not change structure: say which login migrations need.
            if case .queryFailed(let state, _, _) = error, state == "42501" || state == "3F000" {
                throw StorageError.migrationFailed(
                    id: "setup",
                    underlying: "\(error): this login may not create in schema \(schema); run the migrations as the schema's "
                        + "owner (set DATABASE_MIGRATION_URL)"
                )
            }
            throw error
        }
    }

    private func migrate(
        on pool: ConnectionPool,
        schema: String,
        migrations: [Migration],
        runtimeRole: String?,
        logger: Logger
    ) async throws -> [String] {
        try await pool.withConnection { connection in
            try connection.query("SELECT pg_advisory_lock(hashtext(\(schema)))")
            defer { _ = try? connection.query("SELECT pg_advisory_unlock(hashtext(\(schema)))") }
            // A service role may own its schema without the right to create schemas: only create
            // when missing (PostgreSQL checks that right before it checks existence).
            let exists = try connection.query("SELECT 1 FROM pg_namespace WHERE nspname = \(schema)").rows.isEmpty == false
            if !exists { try connection.executeSimple("CREATE SCHEMA \"\(schema)\"") }
            try connection.executeSimple("SET search_path = \"\(schema)\"")
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
            if let runtimeRole {
                try Self.grant(schema: schema, to: runtimeRole, on: connection)
            }
            return done
        }
    }

    /// Rows, not structure: the runtime role reads and writes the tables and uses the
    /// sequences, and cannot alter, drop or disable a trigger (that needs ownership).
    static func grant(schema: String, to role: String, on connection: PostgresConnection) throws {
        let owner = try connection.query("SELECT current_user::text").single().decode(String.self, at: 0)
        guard owner != role else { return }  // one role for both (tests, simple set-ups)
        try connection.executeSimple(
            """
            GRANT USAGE ON SCHEMA "\(schema)" TO "\(role)";
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "\(schema)" TO "\(role)";
            GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA "\(schema)" TO "\(role)";
            REVOKE INSERT, UPDATE, DELETE ON "\(schema)".schema_migrations FROM "\(role)";
            """
        )
    }
}
