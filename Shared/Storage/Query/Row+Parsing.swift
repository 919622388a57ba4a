/// Typed reads of columns that hold text with a meaning: enums stored as their raw value (also
/// in `text[]` columns), and any value parsed from its text (a municipality code, a calendar
/// day). A value that does not parse is a `StorageError.decodingFailed` naming the column.
extension Row {
    /// A text column holding an enum's raw value.
    public func value<E: RawRepresentable>(_ type: E.Type, _ column: String) throws -> E where E.RawValue == String {
        guard let value = try optionalValue(type, column) else {
            throw StorageError.decodingFailed(column: column, expected: "\(E.self)", found: nil)
        }
        return value
    }

    /// A nullable text column holding an enum's raw value.
    public func optionalValue<E: RawRepresentable>(_ type: E.Type, _ column: String) throws -> E? where E.RawValue == String {
        guard let text = try decodeIfPresent(String.self, column) else { return nil }
        guard let value = E(rawValue: text) else {
            throw StorageError.decodingFailed(column: column, expected: "\(E.self)", found: text)
        }
        return value
    }

    /// A `text[]` column of enum raw values.
    public func values<E: RawRepresentable>(_ type: E.Type, _ column: String) throws -> [E] where E.RawValue == String {
        try (decodeIfPresent([String].self, column) ?? []).map { text in
            guard let value = E(rawValue: text) else {
                throw StorageError.decodingFailed(column: column, expected: "\(E.self)", found: text)
            }
            return value
        }
    }

    /// A text column parsed by `parse`; `name` names the type in the error.
    public func parsed<T>(_ column: String, as name: String, _ parse: (String) -> T?) throws -> T {
        guard let value = try optionalParsed(column, as: name, parse) else {
            throw StorageError.decodingFailed(column: column, expected: name, found: nil)
        }
        return value
    }

    /// A nullable text column parsed by `parse`.
    public func optionalParsed<T>(_ column: String, as name: String, _ parse: (String) -> T?) throws -> T? {
        guard let text = try decodeIfPresent(String.self, column) else { return nil }
        guard let value = parse(text) else { throw StorageError.decodingFailed(column: column, expected: name, found: text) }
        return value
    }
}

extension Array where Element: RawRepresentable, Element.RawValue == String {
    /// The raw values, for a `text[]` parameter.
    public var rawValues: [String] { map(\.rawValue) }
}

extension Set where Element: RawRepresentable & Comparable, Element.RawValue == String {
    /// The raw values in a stable order, for a `text[]` parameter.
    public var rawValues: [String] { sorted().map(\.rawValue) }
}
