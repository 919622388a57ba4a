/// An open transaction on one connection. Valid only inside the `withTransaction` body that
/// received it; every statement runs on the connection's own thread.
///
/// Round trips are what a transaction on two shared cores waits for, so nothing goes to the
/// server alone that can travel with something else: BEGIN goes with the first statement,
/// statements queued with `executeLater` go with the next one, and rows queued with
/// `insertLater` go with COMMIT (libpq pipeline mode, `PostgresConnection.pipeline`).
public struct Transaction: Sendable {
    /// The connection the transaction runs on.
    let connection: PostgresConnection
    let buffer = TransactionBuffer()

    init(connection: PostgresConnection) { self.connection = connection }

    /// Runs a statement with bound parameters (after whatever is queued, in the same round trip).
    @discardableResult
    public func query(_ query: SQLQuery) throws(StorageError) -> QueryResult {
        if buffer.begun && buffer.statements.isEmpty && !buffer.broken { return try connection.query(query) }
        let results = try send(buffer.takeStatements() + [query])
        return results[results.count - 1]
    }

    /// Sends the queued statements now, to learn here whether they fail.
    public func flush() throws(StorageError) {
        guard !buffer.statements.isEmpty else { return }
        try send(buffer.takeStatements())
    }

    /// Sends `statements` in one round trip. When one fails, the server has aborted the
    /// transaction, unless the failure came before BEGIN ran; so that nothing after it runs
    /// outside a transaction, every later statement is refused as PostgreSQL would refuse it.
    @discardableResult
    private func send(_ statements: [SQLQuery]) throws(StorageError) -> [QueryResult] {
        if buffer.broken {
            throw .queryFailed(sqlState: "25P02", message: "the transaction failed earlier; roll it back", detail: nil)
        }
        do {
            return try connection.pipeline(statements)
        } catch {
            buffer.broken = true
            throw error
        }
    }

    /// Queues a statement whose result nobody reads (an insert, an update, a lock): it runs
    /// before the next statement, in that statement's round trip, or before COMMIT. Its failure
    /// is thrown there and fails the transaction as it would have here.
    public func executeLater(_ query: SQLQuery) {
        buffer.append(query)
    }

    /// Queues one row for `table`: the rows queued in a transaction are inserted together, one
    /// multi-row INSERT per table and column list, just before COMMIT. For rows nothing in the
    /// same transaction reads back (the outbox, audit entries): one statement instead of one per row.
    public func insertLater(into table: String, columns: [String], values: [PostgresParameter]) {
        precondition(SQLIdentifier.isPlain(table) && columns.allSatisfy(SQLIdentifier.isPlain) && columns.count == values.count)
        buffer.append(.init(table: table, columns: columns, values: values))
    }

    /// Sends everything queued and COMMIT in one round trip (the pool calls it). A transaction
    /// that sent and queued nothing has nothing to commit and costs no round trip at all.
    func commit() throws(StorageError) {
        let rows = buffer.takeRows()
        if !buffer.begun && buffer.statements.isEmpty && rows.isEmpty { return }
        try send(buffer.takeStatements() + rows + [Self.commitStatement])
    }

    /// Undoes the transaction when anything of it reached the server.
    func rollback() {
        guard buffer.begun else { return }
        try? connection.executeSimple("ROLLBACK")
    }

    /// Runs `body` inside a savepoint: when it throws, only its own changes are undone and the
    /// transaction stays usable. Used to isolate one message of a batch from the others.
    public func savepoint<T>(_ name: String = "item", _ body: () throws -> T) throws -> T {
        precondition(SQLIdentifier.isPlain(name))
        try query(SQLQuery(unsafeSQL: "SAVEPOINT \(name)", parameters: [], prepared: false))
        let queued = buffer.mark
        do {
            let value = try body()
            // Sends what the body queued, so that its failure is undone with the savepoint.
            try query(SQLQuery(unsafeSQL: "RELEASE SAVEPOINT \(name)", parameters: [], prepared: false))
            return value
        } catch {
            buffer.truncate(to: queued)  // what the body queued and did not send is undone with it
            if let storage = error as? StorageError, case .connectionFailed = storage { throw storage }
            try connection.executeSimple("ROLLBACK TO SAVEPOINT \(name)")
            buffer.broken = false  // usable again, as before the savepoint
            throw error
        }
    }

    private static let commitStatement = SQLQuery(unsafeSQL: "COMMIT", parameters: [], prepared: false)
}
