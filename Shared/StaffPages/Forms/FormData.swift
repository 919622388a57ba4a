import Foundation
import Hummingbird

/// The fields of an `application/x-www-form-urlencoded` body or query string, decoded by
/// Hummingbird's `URLEncodedFormDecoder`: `name=value` for a single field, `name[]=a&name[]=b`
/// for a checkbox group (the decoder refuses a plain name sent twice, so a form must say which
/// fields are lists).
public struct FormData: Sendable {
    private var fields: [String: [String]]

    /// No fields.
    public init() { fields = [:] }

    /// Decodes `text`.
    /// - Throws: `URLEncodedFormError` or `DecodingError` for a body that is not a form (bad
    ///   percent-encoding, a plain name repeated, nesting the pages never send).
    public init(urlEncoded text: String) throws {
        fields = try URLEncodedFormDecoder().decode(Fields.self, from: text).values
    }

    /// A query string; one that cannot be read counts as empty (a page then shows its defaults).
    public init(query text: String?) {
        fields = (try? FormData(urlEncoded: text ?? "").fields) ?? [:]
    }

    /// The first value of `name`, or `nil` when the form did not send it.
    public subscript(_ name: String) -> String? { fields[name]?.first }

    /// Every value sent for the list field `name` (`name[]`), in order.
    public func values(_ name: String) -> [String] { fields[name] ?? [] }

    /// The first value of `name` unless it is blank.
    public func nonBlank(_ name: String) -> String? {
        guard let value = self[name], value.contains(where: { !$0.isWhitespace }) else { return nil }
        return value
    }

    /// The form without `names`: what a refused form shows again, minus what must not go back
    /// to the browser (a BSN, a password).
    public func removing(_ names: [String]) -> FormData {
        var copy = self
        for name in names { copy.fields[name] = nil }
        return copy
    }

    /// `true` when a checkbox called `name` was ticked.
    public func isChecked(_ name: String) -> Bool { self[name] != nil }

    /// Every top-level field as a list of strings: a single value is a list of one.
    private struct Fields: Decodable {
        var values: [String: [String]] = [:]

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            for key in container.allKeys {
                if let list = try? container.decode([String].self, forKey: key) {
                    values[key.stringValue] = list
                } else {
                    values[key.stringValue] = [try container.decode(String.self, forKey: key)]
                }
            }
        }
    }
}
