/// An open transaction on one connection. Valid only inside the `withTransaction` body that
/// received it; every statement runs on the connection's own thread.
public struct Transaction: Sendable {
    /// The connection the transaction runs on.
    public let connection: PostgresConnection
    /// Rows queued with `insertLater`, written in multi-row INSERTs before COMMIT.
    let pending = PendingInserts()

    init(connection: PostgresConnection) { self.connection = connection }

    /// Runs a statement with bound parameters.
    @discardableResult
    public func query(_ query: SQLQuery) throws(StorageError) -> QueryResult {
        try connection.query(query)
    }

    /// Queues one row for `table`: the rows queued in a transaction are inserted together, one
    /// multi-row INSERT per table and column list, just before COMMIT. For rows nothing in the
    /// same transaction reads back (the outbox): one statement instead of one per row.
    public func insertLater(into table: String, columns: [String], values: [PostgresParameter]) {
        precondition(SQLIdentifier.isPlain(table) && columns.allSatisfy(SQLIdentifier.isPlain) && columns.count == values.count)
        pending.append(.init(table: table, columns: columns, values: values))
    }

    /// Writes the queued rows now (the pool calls it before COMMIT).
    public func flushPendingInserts() throws(StorageError) {
        for statement in pending.take() { try connection.query(statement) }
    }

    /// Runs `body` inside a savepoint: when it throws, only its own changes are undone and the
    /// transaction stays usable. Used to isolate one message of a batch from the others.
    public func savepoint<T>(_ name: String = "item", _ body: () throws -> T) throws -> T {
        precondition(SQLIdentifier.isPlain(name))
        try connection.executeSimple("SAVEPOINT \(name)")
        let queued = pending.count
        do {
            let value = try body()
            try connection.executeSimple("RELEASE SAVEPOINT \(name)")
            return value
        } catch {
            pending.truncate(to: queued)  // rows queued inside the savepoint are undone with it
            if let storage = error as? StorageError, case .connectionFailed = storage { throw storage }
            try connection.executeSimple("ROLLBACK TO SAVEPOINT \(name)")
            throw error
        }
    }
}
