import Foundation
import Logging
import ReliableMessaging
public import Storage

/// A fresh schema per test on the private test database, with the kit's tables.
public enum TestDatabase {
    /// Creates schema `prefix_<random>`, applies the kit's migrations and `migrations`, and
    /// returns a pool whose search path is that schema.
    public static func freshSchema(
        _ prefix: String,
        migrations: [Migration] = [],
        poolSize: Int = 4
    ) async throws -> (schema: String, pool: ConnectionPool) {
        let schema = "\(prefix)_\(UInt32.random(in: 0...UInt32.max))"
        let logger = Logger(label: "test.\(schema)")
        let pool = ConnectionPool(conninfo: TestServers.databaseURL, searchPath: schema, size: poolSize, logger: logger)
        try await MigrationRunner(schema: schema, migrations: KitMigrations.all + migrations, logger: logger).run(on: pool)
        return (schema, pool)
    }

    /// Counts rows with `sql` (e.g. `SELECT count(*) FROM probe_effects`), returning -1 while the
    /// database is unreachable.
    public static func count(_ pool: ConnectionPool, _ sql: String) async -> Int {
        (try? await pool.withConnection { try $0.query(SQLQuery(unsafeSQL: sql)).single().decode(Int.self, at: 0) }) ?? -1
    }
}

/// Waits until `condition` holds, checking every 50 ms; fails after `timeout`. Tests wait on
/// the state they expect, never on a fixed sleep.
public func eventually(
    timeout: Duration = .seconds(30),
    _ what: String,
    _ condition: @Sendable () async throws -> Bool
) async throws {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    while clock.now < deadline {
        if (try? await condition()) == true { return }
        try await Task.sleep(for: .milliseconds(50))
    }
    throw TestTimeout(what: what)
}

/// A condition a test waited for did not come true in time.
public struct TestTimeout: Error, CustomStringConvertible {
    public let what: String
    public var description: String { "timed out waiting for: \(what)" }
}
