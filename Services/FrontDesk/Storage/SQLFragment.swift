import Storage

/// A piece of SQL text fixed at compile time (a column list), spliced into a query as text.
///
/// Only a `StaticString` can make one, so user input can never reach the SQL text this way;
/// values still go through `\(value)` and are bound as parameters.
struct SQLFragment: Sendable {
    let text: String

    init(_ text: StaticString) { self.text = "\(text)" }
}

extension SQLQuery.StringInterpolation {
    /// Splices a compile-time fragment (e.g. a column list) into the statement text.
    mutating func appendInterpolation(_ fragment: SQLFragment) {
        appendLiteral(fragment.text)
    }

    /// An optional value, bound as a parameter (`nil` is SQL NULL). Spelled out so that
    /// interpolating an optional column value is explicit, not a debug-description accident.
    mutating func appendInterpolation<Value: PostgresEncodable>(_ value: Value?) {
        appendInterpolation(OptionalBind(value: value))
    }
}

/// An optional parameter as a non-optional value, so it binds through the kit's interpolation.
struct OptionalBind<Value: PostgresEncodable>: PostgresEncodable {
    let value: Value?
    var postgresText: String? { value?.postgresText }
}
