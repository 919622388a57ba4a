import CLibPQ
import Foundation

/// One libpq connection. Every call blocks, so an instance is confined to one thread at a
/// time: the pool hands it to exactly one caller on that connection's own dispatch queue,
/// never to the Swift cooperative pool.
public final class PostgresConnection: @unchecked Sendable {
    private var handle: OpaquePointer?
    private let conninfo: String
    /// Statements prepared on this session, by SQL text: the hot queries (inbox, outbox,
    /// relay) are parsed and planned once per connection instead of once per call.
    private var prepared: [String: String] = [:]
    /// Names are never reused within a session (a statement dropped from the cache may live on).
    private var nextStatement = 0
    /// Beyond this many distinct statements, new ones run unprepared (no unbounded growth).
    static let preparedLimit = 512
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
        // A pipeline that broke off may have left the session in pipeline mode: not reusable.
        return PQstatus(handle) == CONNECTION_OK && PQpipelineStatus(handle) == PQ_PIPELINE_OFF
    }

    /// Drops the current socket (if any) and connects again.
    public func reconnect() throws(StorageError) {
        if let handle { PQfinish(handle) }
        handle = nil
        prepared.removeAll()
        nextStatement = 0
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
        // client_min_messages: NOTICEs (e.g. "relation already exists, skipping") would go to
        // the service's stderr and into a user's terminal.
        var setup =
            "SET TIME ZONE 'UTC'; SET DateStyle = 'ISO'; SET statement_timeout = '60s'; SET client_min_messages = 'warning'"
        if let searchPath {
            guard SQLIdentifier.isPlain(searchPath) else { throw .invalidIdentifier(searchPath) }
            setup += "; SET search_path = \"\(searchPath)\""
        }
        try executeSimple(setup)
    }

    /// Runs a statement with its parameters bound: prepared once per connection and then
    /// executed (`PQexecPrepared`), `bytea` parameters in binary format, the rest as text.
    @discardableResult
    public func query(_ query: SQLQuery) throws(StorageError) -> QueryResult {
        guard let handle else { throw .connectionFailed("not connected") }
        let binds = query.binds
        if query.prepared, let name = try statementName(for: query.sql, handle: handle) {
            do {
                return try consume(execute(prepared: name, binds, handle: handle), handle: handle)
            } catch let error {
                // A table changed under a cached plan ("cached plan must not change result
                // type"): forget the statement and run this call unprepared.
                guard case .queryFailed("0A000", _, _) = error else { throw error }
                prepared[query.sql] = nil
                // Inside a transaction the error has aborted it: the caller retries it, and the
                // statement is prepared afresh then.
                guard PQtransactionStatus(handle) == PQTRANS_IDLE else { throw error }
                _ = try? executeSimple("DEALLOCATE \(name)")
            }
        }
        return try consume(execute(sql: query.sql, binds, handle: handle), handle: handle)
    }

    /// Runs `queries` in one round trip (libpq pipeline mode): all are sent, then every result is
    /// read. Each statement still runs on its own, in order, with its own snapshot, so a lock
    /// taken by one is held when the next reads. The first failure is thrown; the statements
    /// after it did not run (inside a transaction the transaction is then aborted).
    /// Meant for writes followed by at most one read at the end: the results of a large read in
    /// the middle would wait in the server's socket while libpq is still sending.
    @discardableResult
    public func pipeline(_ queries: [SQLQuery]) throws(StorageError) -> [QueryResult] {
        guard let handle else { throw .connectionFailed("not connected") }
        if queries.count == 1 { return [try query(queries[0])] }
        if queries.isEmpty { return [] }
        // Preparing is a round trip of its own, so it happens before, once per connection.
        var names: [String?] = []
        names.reserveCapacity(queries.count)
        for query in queries {
            names.append(query.prepared ? try statementName(for: query.sql, handle: handle) : nil)
        }
        guard PQenterPipelineMode(handle) == 1 else {
            throw .connectionFailed("cannot enter pipeline mode: \(String(cString: PQerrorMessage(handle)))")
        }
        var sent = 0
        for (query, name) in zip(queries, names) {
            let binds = query.binds
            let accepted = withParameters(binds) { values, lengths, formats in
                if let name {
                    PQsendQueryPrepared(handle, name, Int32(binds.count), values, lengths, formats, 0)
                } else {
                    PQsendQueryParams(handle, query.sql, Int32(binds.count), nil, values, lengths, formats, 0)
                }
            }
            guard accepted == 1 else { break }
            sent += 1
        }
        guard PQpipelineSync(handle) == 1 else {
            throw .connectionFailed("pipeline: \(String(cString: PQerrorMessage(handle)))")
        }
        var results: [QueryResult] = []
        results.reserveCapacity(sent)
        var failure: StorageError?
        for index in 0..<sent {
            guard let result = PQgetResult(handle) else {
                throw .connectionFailed("pipeline: \(String(cString: PQerrorMessage(handle)))")
            }
            if PQresultStatus(result) == PGRES_PIPELINE_ABORTED {
                PQclear(result)
            } else {
                do {
                    results.append(try consume(result, handle: handle))
                } catch {
                    if case .connectionFailed = error { throw error }
                    if case .queryFailed("0A000", _, _) = error { prepared[queries[index].sql] = nil }
                    failure = failure ?? error
                }
            }
            // Each statement's results end with a NULL.
            while PQstatus(handle) == CONNECTION_OK, let extra = PQgetResult(handle) { PQclear(extra) }
            guard PQstatus(handle) == CONNECTION_OK else {
                throw .connectionFailed("pipeline: \(String(cString: PQerrorMessage(handle)))")
            }
        }
        guard let sync = PQgetResult(handle) else {
            throw .connectionFailed("pipeline: \(String(cString: PQerrorMessage(handle)))")
        }
        PQclear(sync)
        guard PQexitPipelineMode(handle) == 1 else {
            throw .connectionFailed("cannot leave pipeline mode: \(String(cString: PQerrorMessage(handle)))")
        }
        if sent < queries.count, failure == nil {
            throw .connectionFailed("pipeline: \(String(cString: PQerrorMessage(handle)))")
        }
        if let failure { throw failure }
        return results
    }

    /// The prepared statement for `sql`, preparing it on first use; `nil` once the cache is full.
    private func statementName(for sql: String, handle: OpaquePointer) throws(StorageError) -> String? {
        if let name = prepared[sql] { return name }
        guard prepared.count < Self.preparedLimit else { return nil }
        let name = "wmo_\(nextStatement)"
        nextStatement += 1
        _ = try consume(PQprepare(handle, name, sql, 0, nil), handle: handle)
        prepared[sql] = name
        return name
    }

    private func execute(prepared name: String, _ binds: [PostgresParameter], handle: OpaquePointer) -> OpaquePointer? {
        withParameters(binds) { values, lengths, formats in
            PQexecPrepared(handle, name, Int32(binds.count), values, lengths, formats, 0)
        }
    }

    private func execute(sql: String, _ binds: [PostgresParameter], handle: OpaquePointer) -> OpaquePointer? {
        withParameters(binds) { values, lengths, formats in
            PQexecParams(handle, sql, Int32(binds.count), nil, values, lengths, formats, 0)
        }
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

/// Calls `body` with libpq's parameter arrays (values, lengths, formats) for `binds`, in memory
/// that lives for the whole call (libpq reads it during the call; a pointer to a temporary would
/// dangle). Text is NUL-terminated; binary values carry their length.
private func withParameters<R>(
    _ binds: [PostgresParameter],
    _ body: ([UnsafePointer<CChar>?], [Int32], [Int32]) -> R
) -> R {
    var copies: [UnsafeMutableRawPointer?] = []
    var lengths: [Int32] = []
    var formats: [Int32] = []
    copies.reserveCapacity(binds.count)
    for bind in binds {
        switch bind {
        case .null:
            copies.append(nil)
            lengths.append(0)
            formats.append(0)
        case .text(let text):
            copies.append(UnsafeMutableRawPointer(strdup(text)!))
            lengths.append(0)
            formats.append(0)
        case .binary(let data):
            let memory = malloc(max(1, data.count))!
            data.withUnsafeBytes { raw in
                if let base = raw.baseAddress { memory.copyMemory(from: base, byteCount: raw.count) }
            }
            copies.append(memory)
            lengths.append(Int32(clamping: data.count))
            formats.append(1)
        }
    }
    defer {
        for copy in copies { free(copy) }
    }
    return body(copies.map { $0.map { UnsafePointer($0.assumingMemoryBound(to: CChar.self)) } }, lengths, formats)
}
