import Crypto
import Foundation
public import Hummingbird
public import Storage

/// The staff pages' sessions in PostgreSQL (`staff_sessions` in the service's own schema), as Hummingbird's persistence
/// driver: a restart does not log staff out, and several instances behind a balancer share the
/// sessions. Values are stored as JSON; expiry is the database's clock, so instances with
/// skewed clocks agree. Expired rows are swept now and then while sessions are created. The
/// table holds a SHA-256 of each session key, so read access to the database does not hand out
/// sessions.
public struct PostgresSessionStore: PersistDriver {
    private let pool: ConnectionPool

    /// A store on the service's own schema; its migrations create `staff_sessions` with
    /// `StaffSessionTable.sql`.
    public init(pool: ConnectionPool) { self.pool = pool }

    public func create<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        let data = try Self.encode(value)
        let seconds = expires.map(Self.seconds)
        let created = try await pool.withTransaction { tx in
            // One in a hundred creations sweeps what expired over an hour ago.
            if Int.random(in: 0..<100) == 0 {
                try tx.query("DELETE FROM staff_sessions WHERE expires_at < now() - interval '1 hour'")
            }
            return try tx.query(
                """
                INSERT INTO staff_sessions (key, value, expires_at)
                VALUES (\(Self.digest(key)), \(data), now() + \(seconds)::float8 * interval '1 second')
                ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at
                WHERE staff_sessions.expires_at <= now()
                RETURNING key
                """
            ).rows.count
        }
        guard created == 1 else { throw PersistError.duplicate }
    }

    public func set<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        let data = try Self.encode(value)
        let seconds = expires.map(Self.seconds)
        _ = try await pool.withTransaction { tx in
            // Without `expires` the current expiry stays (the driver contract).
            try tx.query(
                """
                INSERT INTO staff_sessions (key, value, expires_at)
                VALUES (\(Self.digest(key)), \(data), now() + \(seconds)::float8 * interval '1 second')
                ON CONFLICT (key) DO UPDATE SET value = excluded.value,
                    expires_at = CASE WHEN \(seconds)::float8 IS NULL THEN staff_sessions.expires_at
                        ELSE excluded.expires_at END
                """
            )
        }
    }

    public func get<Object: Codable & Sendable>(key: String, as type: Object.Type) async throws -> Object? {
        try await getWithTTL(key: key, as: type)?.object
    }

    public func getWithTTL<Object: Codable & Sendable>(
        key: String,
        as type: Object.Type
    ) async throws -> (object: Object, ttl: Duration?)? {
        let row = try await pool.withTransaction { tx in
            try tx.query(
                """
                SELECT value, extract(epoch FROM expires_at - now())::float8 AS ttl FROM staff_sessions
                WHERE key = \(Self.digest(key)) AND (expires_at IS NULL OR expires_at > now())
                """
            ).rows.first.map { row in (try row.decode(Data.self, "value"), try row.decodeIfPresent(Double.self, "ttl")) }
        }
        guard let (data, ttl) = row else { return nil }
        let object: Object
        do {
            object = try JSONDecoder().decode(Object.self, from: data)
        } catch {
            throw PersistError.invalidConversion
        }
        return (object, ttl.map { .milliseconds(Int64($0 * 1000)) })
    }

    public func remove(key: String) async throws {
        _ = try await pool.withTransaction { tx in try tx.query("DELETE FROM staff_sessions WHERE key = \(Self.digest(key))") }
    }

    /// The stored form of a session key.
    private static func digest(_ key: String) -> String {
        SHA256.hash(data: Data(key.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    private static func encode<Object: Encodable>(_ value: Object) throws -> Data {
        try JSONEncoder().encode(value)
    }

    private static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
