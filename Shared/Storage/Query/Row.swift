/// One row of a query result, in text format, with typed access by column name or index.
public struct Row: Sendable {
    /// The column names, shared by every row of one result.
    public let columns: [String]
    /// The column values; `nil` is SQL NULL.
    public let values: [String?]

    public init(columns: [String], values: [String?]) {
        self.columns = columns
        self.values = values
    }

    /// The value of `column`, decoded; throws when NULL or when it does not fit `T`.
    public func decode<T: PostgresDecodable>(_ type: T.Type = T.self, _ column: String) throws -> T {
        guard let value = try decodeIfPresent(type, column) else {
            throw StorageError.decodingFailed(column: column, expected: "\(T.self)", found: nil)
        }
        return value
    }

    /// The value of `column`, decoded; `nil` when NULL.
    public func decodeIfPresent<T: PostgresDecodable>(_ type: T.Type = T.self, _ column: String) throws -> T? {
        guard let index = columns.firstIndex(of: column) else {
            throw StorageError.decodingFailed(column: column, expected: "\(T.self)", found: "no such column")
        }
        return try decodeIfPresent(type, at: index)
    }

    /// The value at `index`, decoded; throws when NULL or when it does not fit `T`.
    public func decode<T: PostgresDecodable>(_ type: T.Type = T.self, at index: Int) throws -> T {
        guard let value = try decodeIfPresent(type, at: index) else {
            throw StorageError.decodingFailed(column: name(at: index), expected: "\(T.self)", found: nil)
        }
        return value
    }

    /// The value at `index`, decoded; `nil` when NULL.
    public func decodeIfPresent<T: PostgresDecodable>(_ type: T.Type = T.self, at index: Int) throws -> T? {
        guard values.indices.contains(index) else {
            throw StorageError.decodingFailed(column: name(at: index), expected: "\(T.self)", found: "no such column")
        }
        guard let text = values[index] else { return nil }
        guard let value = T(postgresText: text) else {
            throw StorageError.decodingFailed(column: name(at: index), expected: "\(T.self)", found: text)
        }
        return value
    }

    /// The column's name, or its position when the result has no such column.
    private func name(at index: Int) -> String {
        columns.indices.contains(index) ? columns[index] : "#\(index)"
    }
}

/// The result of one statement: its rows and the number of rows it changed.
public struct QueryResult: Sendable {
    public let rows: [Row]
    /// Rows inserted, updated or deleted (`PQcmdTuples`), 0 for other statements.
    public let affectedRows: Int

    public init(rows: [Row], affectedRows: Int) {
        self.rows = rows
        self.affectedRows = affectedRows
    }

    /// The first row, or a `noRows` error naming what was looked for.
    public func single(_ what: @autoclosure () -> String = "row") throws -> Row {
        guard let row = rows.first else { throw StorageError.noRows(what()) }
        return row
    }
}
