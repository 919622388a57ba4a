/// A piece of SQL text fixed at compile time (a column list), spliced into a query as text.
///
/// Only a `StaticString` can make one, so user input can never reach the SQL text this way;
/// values still go through `\(value)` and are bound as parameters.
public struct SQLFragment: Sendable {
    public let text: String

    public init(_ text: StaticString) { self.text = "\(text)" }
}

extension SQLQuery.StringInterpolation {
    /// Splices a compile-time fragment (e.g. a column list) into the statement text.
    public mutating func appendInterpolation(_ fragment: SQLFragment) {
        appendLiteral(fragment.text)
    }
}
