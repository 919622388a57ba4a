/// What a transaction has not sent yet: its BEGIN (sent with the first statement), the
/// statements queued with `Transaction.executeLater` (sent with the next one) and the rows queued
/// with `Transaction.insertLater` (multi-row INSERTs sent with COMMIT).
/// Used only on the transaction's connection thread.
final class TransactionBuffer: @unchecked Sendable {
    struct Row {
        let table: String
        let columns: [String]
        let values: [PostgresParameter]
    }

    /// PostgreSQL takes at most 65,535 parameters per statement.
    static let maximumParameters = 60_000
    /// And a statement should stay far below PostgreSQL's 1 GB message limit: dead letters can
    /// carry bodies of many MiB each.
    static let maximumBytes = 32 << 20

    private var rows: [Row] = []
    /// Statements whose results nobody reads, in the order they were queued.
    private(set) var statements: [SQLQuery] = []
    /// True once BEGIN went to the server.
    var begun = false
    /// True after a round trip failed, until a savepoint is rolled back.
    var broken = false

    /// How much is queued, to undo what a failed savepoint queued.
    var mark: (rows: Int, statements: Int) { (rows.count, statements.count) }

    func append(_ row: Row) { rows.append(row) }

    func append(_ statement: SQLQuery) { statements.append(statement) }

    func truncate(to mark: (rows: Int, statements: Int)) {
        rows.removeLast(max(0, rows.count - mark.rows))
        statements.removeLast(max(0, statements.count - mark.statements))
    }

    /// BEGIN when it is still to be sent, then the queued statements, and forgets them.
    func takeStatements() -> [SQLQuery] {
        var taken: [SQLQuery] = []
        if !begun {
            taken.append(Self.begin)
            begun = true
        }
        taken += statements
        statements.removeAll(keepingCapacity: true)
        return taken
    }

    static let begin = SQLQuery(unsafeSQL: "BEGIN", parameters: [], prepared: false)

    /// The statements for the queued rows, in the order they were queued (one per run of rows
    /// with the same table and columns, split below the parameter limit), and forgets them.
    func takeRows() -> [SQLQuery] {
        defer { rows.removeAll(keepingCapacity: true) }
        var statements: [SQLQuery] = []
        var start = 0
        while start < rows.count {
            let first = rows[start]
            let perStatement = max(1, Self.maximumParameters / max(1, first.columns.count))
            var end = start + 1
            var bytes = Self.size(of: first)
            while end < rows.count, end - start < perStatement, rows[end].table == first.table, rows[end].columns == first.columns,
                bytes + Self.size(of: rows[end]) <= Self.maximumBytes
            {
                bytes += Self.size(of: rows[end])
                end += 1
            }
            statements.append(Self.insert(rows[start..<end], table: first.table, columns: first.columns))
            start = end
        }
        return statements
    }

    private static func size(of row: Row) -> Int {
        row.values.reduce(0) { total, value in
            switch value {
            case .null: total
            case .text(let text): total + text.utf8.count
            case .binary(let data): total + data.count
            }
        }
    }

    private static func insert(_ rows: ArraySlice<Row>, table: String, columns: [String]) -> SQLQuery {
        var sql = "INSERT INTO \"\(table)\" (" + columns.map { "\"\($0)\"" }.joined(separator: ", ") + ") VALUES "
        var parameters: [PostgresParameter] = []
        parameters.reserveCapacity(rows.count * columns.count)
        for (index, row) in rows.enumerated() {
            if index > 0 { sql += ", " }
            sql += "(" + (1...columns.count).map { "$\(parameters.count + $0)" }.joined(separator: ", ") + ")"
            parameters.append(contentsOf: row.values)
        }
        // Not prepared: every row count is a statement of its own, and would fill the cache.
        return SQLQuery(unsafeSQL: sql, parameters: parameters, prepared: false)
    }
}
