import Foundation
import FrontDesk
import Logging
import ReliableMessaging
import Storage
import TestKit
import Testing

extension FrontDeskIntegration {
    /// The desk runs as a role that may read and write rows, nothing more: its migrations run as
    /// the schema's owner, so the running service cannot switch off the access log's
    /// append-only trigger, drop a table or change the schema.
    @Suite
    struct LeastPrivilegeTests {
        @Test func theRuntimeRoleWritesRowsButCannotTouchTheAccessLogsTrigger() async throws {
            let suffix = UInt32.random(in: 0...UInt32.max)
            let schema = "lp_\(suffix)"
            let owner = "lp_owner_\(suffix)"
            let runtime = "lp_runtime_\(suffix)"
            let admin = ConnectionPool(conninfo: TestServers.databaseURL, size: 1, logger: Logger(label: "test"))
            _ = try await admin.withConnection { connection in
                try connection.executeSimple(
                    """
                    CREATE ROLE \(owner) LOGIN; CREATE ROLE \(runtime) LOGIN;
                    CREATE SCHEMA \(schema) AUTHORIZATION \(owner);
                    """
                )
            }
            let ownerPool = ConnectionPool(conninfo: url(as: owner), size: 1, logger: Logger(label: "test"))
            let runtimePool = ConnectionPool(conninfo: url(as: runtime), searchPath: schema, size: 1, logger: Logger(label: "test"))
            try await MigrationRunner(schema: schema, migrations: KitMigrations.all + FrontDeskMigrations.all, logger: Logger(label: "test"))
                .run(on: ownerPool, grantingTo: runtime)

            // Rows: yes (the outbox, as every service writes it).
            let written = try await runtimePool.withConnection { connection in
                try connection.query(
                    """
                    INSERT INTO outbox (id, exchange, routing_key, message_id, message_type, body)
                    VALUES (\(UUID()), 'wmo.events', 'k', 'm', 't', '\\x00'::bytea)
                    """
                ).affectedRows
            }
            #expect(written == 1)
            // Structure: no. Each of these needs ownership of the table.
            for statement in [
                "ALTER TABLE access_log DISABLE TRIGGER access_log_no_change",
                "DROP TRIGGER access_log_no_change ON access_log",
                "TRUNCATE access_log",
                "CREATE TABLE sneaky (id int)",
            ] {
                do {
                    _ = try await runtimePool.withConnection { try $0.executeSimple(statement) }
                    Issue.record("the runtime role could run: \(statement)")
                } catch let error as StorageError {
                    guard case .queryFailed(let state, _, _) = error else {
                        Issue.record("\(statement): \(error)")
                        continue
                    }
                    #expect(state == "42501", "\(statement) should be refused for lack of privilege, got \(error)")
                }
            }
            _ = try await admin.withConnection { connection in
                try connection.executeSimple(
                    "DROP SCHEMA \(schema) CASCADE; DROP OWNED BY \(runtime); DROP ROLE \(runtime); DROP OWNED BY \(owner); DROP ROLE \(owner);"
                )
            }
        }

        private func url(as role: String) -> String {
            TestServers.databaseURL.replacingOccurrences(of: "postgres@", with: "\(role)@")
        }
    }
}
