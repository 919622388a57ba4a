/// An open transaction on one connection. Valid only inside the `withTransaction` body that
/// received it; every statement runs on the connection's own thread.
public struct Transaction: Sendable {
    /// The connection the transaction runs on.
    public let connection: PostgresConnection

    init(connection: PostgresConnection) { self.connection = connection }

    /// Runs a statement with bound parameters.
    @discardableResult
    public func query(_ query: SQLQuery) throws(StorageError) -> QueryResult {
        try connection.query(query)
    }

    /// Runs `body` inside a savepoint: when it throws, only its own changes are undone and the
    /// transaction stays usable. Used to isolate one message of a batch from the others.
    public func savepoint<T>(_ name: String = "item", _ body: () throws -> T) throws -> T {
        precondition(SQLIdentifier.isPlain(name))
        try connection.executeSimple("SAVEPOINT \(name)")
        do {
            let value = try body()
            try connection.executeSimple("RELEASE SAVEPOINT \(name)")
            return value
        } catch {
            if let storage = error as? StorageError, case .connectionFailed = storage { throw storage }
            try connection.executeSimple("ROLLBACK TO SAVEPOINT \(name)")
            throw error
        }
    }
}
