public import Foundation

/// A SQL statement whose interpolated values are sent as parameters, never spliced into the text.
///
/// ```swift
/// let query: SQLQuery = "SELECT name FROM person WHERE id = \(id) AND municipality = \(code)"
/// // sql: "SELECT name FROM person WHERE id = $1 AND municipality = $2", binds: [id, code]
/// ```
/// Identifiers (schema names) go through `\(identifier:)`, which accepts plain names only.
public struct SQLQuery: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The statement text with `$n` placeholders.
    public private(set) var sql: String
    /// The parameters: text, binary (bytea, sent as raw bytes instead of hex) or NULL.
    public private(set) var binds: [PostgresParameter]

    public init(stringLiteral value: String) {
        sql = value
        binds = []
    }

    public init(stringInterpolation: StringInterpolation) {
        sql = stringInterpolation.sql
        binds = stringInterpolation.binds
    }

    /// A statement and its parameters, for code that builds the `$n` placeholders itself.
    public init(unsafeSQL sql: String, binds: [any PostgresEncodable] = []) {
        self.sql = sql
        self.binds = binds.map(PostgresParameter.init)
    }

    /// False for statements that should not be prepared (text that varies from call to call).
    public private(set) var prepared = true

    /// A statement with parameters already in wire form.
    public init(unsafeSQL sql: String, parameters: [PostgresParameter], prepared: Bool = true) {
        self.sql = sql
        self.binds = parameters
        self.prepared = prepared
    }

    public var description: String { sql }

    public struct StringInterpolation: StringInterpolationProtocol {
        var sql = ""
        var binds: [PostgresParameter] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            sql.reserveCapacity(literalCapacity + interpolationCount * 3)
        }

        public mutating func appendLiteral(_ literal: String) { sql += literal }

        /// A value, bound as the next `$n` parameter.
        public mutating func appendInterpolation(_ value: some PostgresEncodable) {
            binds.append(PostgresParameter(value))
            sql += "$\(binds.count)"
        }

        /// An optional value: `nil` is bound as SQL NULL.
        public mutating func appendInterpolation<Value: PostgresEncodable>(_ value: Value?) {
            binds.append(value.map { PostgresParameter($0) } ?? .null)
            sql += "$\(binds.count)"
        }

        /// A schema, table or column name; must match `[a-z_][a-z0-9_]*`.
        public mutating func appendInterpolation(identifier: String) {
            precondition(SQLIdentifier.isPlain(identifier), "not a plain SQL identifier: \(identifier)")
            sql += "\"\(identifier)\""
        }
    }
}

/// One bound parameter as libpq receives it.
public enum PostgresParameter: Sendable, Equatable {
    case null
    /// PostgreSQL's text format.
    case text(String)
    /// Binary format: the raw bytes of a `bytea` (half the size of hex text, no encoding work).
    case binary(Data)

    /// The parameter of `value`: binary for `Data`, text otherwise.
    public init(_ value: any PostgresEncodable) {
        if let data = value as? Data {
            self = .binary(data)
        } else if let text = value.postgresText {
            self = .text(text)
        } else {
            self = .null
        }
    }
}

/// Checks for names that are safe to put in SQL text unquoted or quoted alike.
public enum SQLIdentifier {
    /// True for `[a-z_][a-z0-9_]{0,62}`.
    public static func isPlain(_ name: String) -> Bool {
        guard let first = name.utf8.first, !name.isEmpty, name.utf8.count < 64 else { return false }
        let isLetter = { (byte: UInt8) in (97...122).contains(byte) || byte == 95 }
        return isLetter(first) && name.utf8.allSatisfy { isLetter($0) || (48...57).contains($0) }
    }
}
