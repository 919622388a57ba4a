import CLibPQ
import Foundation

/// One libpq connection. Every call blocks, so an instance is confined to one thread at a
/// time: the pool hands it to exactly one caller on that connection's own dispatch queue,
/// never to the Swift cooperative pool.
public final class PostgresConnection: @unchecked Sendable {
    private var handle: OpaquePointer?
    private let conninfo: String
    /// The schema this connection's statements resolve unqualified names in.
    public let searchPath: String?

    /// Connects with a libpq connection string or URL (`postgresql://user@host:port/db`).
    public init(conninfo: String, searchPath: String? = nil) throws(StorageError) {
        self.conninfo = conninfo
        self.searchPath = searchPath
        try connect()
    }

    deinit {
        if let handle { PQfinish(handle) }
    }

    /// True while the socket is up as far as libpq knows.
    public var isConnected: Bool {
        guard let handle else { return false }
        return PQstatus(handle) == CONNECTION_OK
    }

    /// Drops the current socket (if any) and connects again.
    public func reconnect() throws(StorageError) {
        if let handle { PQfinish(handle) }
        handle = nil
        try connect()
    }

    private func connect() throws(StorageError) {
        let connection = PQconnectdb(conninfo)
        guard let connection, PQstatus(connection) == CONNECTION_OK else {
            let message = connection.map { String(cString: PQerrorMessage($0)) } ?? "out of memory"
            if let connection { PQfinish(connection) }
            throw .connectionFailed(message.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        handle = connection
        var setup = "SET TIME ZONE 'UTC'; SET DateStyle = 'ISO'; SET statement_timeout = '60s'"
        if let searchPath {
            guard SQLIdentifier.isPlain(searchPath) else { throw .invalidIdentifier(searchPath) }
            setup += "; SET search_path = \"\(searchPath)\""
        }
        try executeSimple(setup)
    }

    /// Runs a statement with its parameters bound (`PQexecParams`, text format).
    @discardableResult
    public func query(_ query: SQLQuery) throws(StorageError) -> QueryResult {
        guard let handle else { throw .connectionFailed("not connected") }
        let binds = query.binds
        let result: OpaquePointer? = withCStrings(binds) { pointers in
            PQexecParams(handle, query.sql, Int32(binds.count), nil, pointers, nil, nil, 0)
        }
        return try consume(result, handle: handle)
    }

    /// Runs one or more statements without parameters (`PQexec`): DDL, BEGIN, COMMIT.
    public func executeSimple(_ sql: String) throws(StorageError) {
        guard let handle else { throw .connectionFailed("not connected") }
        _ = try consume(PQexec(handle, sql), handle: handle)
    }

    private func consume(_ result: OpaquePointer?, handle: OpaquePointer) throws(StorageError) -> QueryResult {
        guard let result else {
            throw .connectionFailed(String(cString: PQerrorMessage(handle)))
        }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        switch status {
        case PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
            let affected = Int(String(cString: PQcmdTuples(result))) ?? 0
            return QueryResult(rows: [], affectedRows: affected)
        case PGRES_TUPLES_OK:
            let rowCount = Int(PQntuples(result))
            let columnCount = Int(PQnfields(result))
            let columns = (0..<columnCount).map { String(cString: PQfname(result, Int32($0))) }
            var rows: [Row] = []
            rows.reserveCapacity(rowCount)
            for rowIndex in 0..<rowCount {
                var values: [String?] = []
                values.reserveCapacity(columnCount)
                for column in 0..<columnCount {
                    if PQgetisnull(result, Int32(rowIndex), Int32(column)) == 1 {
                        values.append(nil)
                    } else {
                        values.append(String(cString: PQgetvalue(result, Int32(rowIndex), Int32(column))))
                    }
                }
                rows.append(Row(columns: columns, values: values))
            }
            let affected = Int(String(cString: PQcmdTuples(result))) ?? 0
            return QueryResult(rows: rows, affectedRows: affected)
        default:
            if PQstatus(handle) != CONNECTION_OK {
                throw .connectionFailed(String(cString: PQerrorMessage(handle)))
            }
            func field(_ code: Character) -> String? {
                PQresultErrorField(result, Int32(code.asciiValue!)).map { String(cString: $0) }
            }
            let state = field("C") ?? "XX000"
            let message = field("M") ?? String(cString: PQresultErrorMessage(result))
            throw .queryFailed(sqlState: state, message: message, detail: field("D"))
        }
    }
}

/// Calls `body` with C strings for `values` that live for the whole call (libpq reads
/// them during `PQexecParams`; a pointer to a temporary would dangle).
private func withCStrings<R>(_ values: [String?], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
    let copies: [UnsafeMutablePointer<CChar>?] = values.map { $0.map { strdup($0)! } }
    defer {
        for copy in copies { free(copy) }
    }
    return body(copies.map { $0.map { UnsafePointer($0) } })
}
