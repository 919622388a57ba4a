import Foundation
import Storage
import TestKit
import Testing

/// Transactions send BEGIN with their first statement, queued statements with the next one and
/// COMMIT with the queued rows (libpq pipeline mode): the same effects and failures as one
/// statement per round trip, in fewer round trips.
@Suite(.serialized, .enabled(if: TestServers.available, "needs the private database of scripts/test.sh"))
struct TransactionTests {
    static let table = Migration("test-0001-items", "CREATE TABLE items (id int PRIMARY KEY, note text NOT NULL)")

    @Test func queuedStatementsRunInOrderBeforeTheNextRead() async throws {
        let (_, pool) = try await TestDatabase.freshSchema("tx_order", migrations: [Self.table])
        let seen = try await pool.withTransaction { tx in
            tx.executeLater("INSERT INTO items VALUES (1, 'first')")
            tx.executeLater("UPDATE items SET note = 'second' WHERE id = 1")
            tx.insertLater(into: "items", columns: ["id", "note"], values: [.text("2"), .text("row")])
            return try tx.query("SELECT note FROM items ORDER BY id").rows.map { try $0.decode(String.self, at: 0) }
        }
        #expect(seen == ["second"], "queued statements ran, in order; the queued row waits for COMMIT")
        #expect(await TestDatabase.count(pool, "SELECT count(*) FROM items") == 2, "COMMIT wrote the queued row")
    }

    @Test func aFailingQueuedStatementFailsTheTransactionWithItsOwnError() async throws {
        let (_, pool) = try await TestDatabase.freshSchema("tx_fail", migrations: [Self.table])
        await #expect {
            try await pool.withTransaction { tx in
                tx.executeLater("INSERT INTO items VALUES (1, 'one')")
                tx.executeLater("INSERT INTO items VALUES (1, 'again')")
                tx.executeLater("INSERT INTO items VALUES (3, 'after the failure')")
                try tx.query("SELECT 1")
            }
        } throws: { error in
            guard case StorageError.queryFailed(let state, _, _) = error else { return false }
            return state == "23505"
        }
        #expect(await TestDatabase.count(pool, "SELECT count(*) FROM items") == 0, "nothing of it stored")
        // The connection is usable again: the next transaction commits.
        try await pool.withTransaction { tx in tx.executeLater("INSERT INTO items VALUES (4, 'next')") }
        #expect(await TestDatabase.count(pool, "SELECT count(*) FROM items") == 1)
    }

    @Test func aFailedSavepointUndoesWhatItsBodyQueued() async throws {
        let (_, pool) = try await TestDatabase.freshSchema("tx_savepoint", migrations: [Self.table])
        try await pool.withTransaction { tx in
            tx.executeLater("INSERT INTO items VALUES (1, 'kept')")
            #expect(throws: StorageError.self) {
                try tx.savepoint {
                    tx.executeLater("INSERT INTO items VALUES (2, 'undone')")
                    tx.executeLater("INSERT INTO items VALUES (1, 'duplicate')")
                    tx.insertLater(into: "items", columns: ["id", "note"], values: [.text("5"), .text("undone row")])
                }
            }
            try tx.savepoint { tx.executeLater("INSERT INTO items VALUES (3, 'kept too')") }
        }
        let ids = try await pool.withConnection { connection in
            try connection.query("SELECT id FROM items ORDER BY id").rows.map { try $0.decode(Int.self, at: 0) }
        }
        #expect(ids == [1, 3])
    }

    /// The referral index takes a lock and reads in one round trip: the read must see what the
    /// lock's previous holder committed (each statement takes its snapshot when it starts).
    @Test func aReadAfterALockInTheSameRoundTripSeesWhatTheHolderCommitted() async throws {
        let (schema, pool) = try await TestDatabase.freshSchema("tx_lock", migrations: [Self.table], poolSize: 2)
        let holder = try PostgresConnection(conninfo: TestServers.databaseURL, searchPath: schema)
        try holder.executeSimple("BEGIN; SELECT pg_advisory_xact_lock(4242); INSERT INTO items VALUES (1, 'by the holder')")
        let reader = Task {
            try await pool.withTransaction { tx in
                tx.executeLater("SELECT pg_advisory_xact_lock(4242)")
                return try tx.query("SELECT count(*) FROM items").single().decode(Int.self, at: 0)
            }
        }
        try await eventually("the reader waits for the lock") {
            try await pool.withConnection { connection in
                try connection.query(
                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = 4242 AND NOT granted"
                ).single().decode(Int.self, at: 0) == 1
            }
        }
        try holder.executeSimple("COMMIT")
        #expect(try await reader.value == 1)
    }

    @Test func aTransactionThatSendsNothingStillReturnsItsValue() async throws {
        let (_, pool) = try await TestDatabase.freshSchema("tx_empty", migrations: [Self.table])
        let value = try await pool.withTransaction { _ in 42 }
        #expect(value == 42)
        let after = try await pool.withTransaction { tx in try tx.query("SELECT count(*) FROM items").single().decode(Int.self, at: 0) }
        #expect(after == 0)
    }
}
