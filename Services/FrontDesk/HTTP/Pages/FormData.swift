import Foundation

/// The fields of an `application/x-www-form-urlencoded` body or query string, in order, with
/// repeated names kept (checkbox groups send one pair per ticked box).
struct FormData: Sendable {
    private var pairs: [(name: String, value: String)]

    /// No fields.
    init() { pairs = [] }

    /// Parses `text`; a pair that is not valid percent-encoding is read as an empty value rather
    /// than rejected, so the page shows the field as missing.
    init(urlEncoded text: String) {
        pairs = text.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = FormData.decode(parts[0])
            let value = parts.count > 1 ? FormData.decode(parts[1]) : ""
            return (name, value)
        }
    }

    /// The first value of `name`, or `nil` when the form did not send it.
    subscript(_ name: String) -> String? { pairs.first { $0.name == name }?.value }

    /// Every value sent for `name`, in order.
    func values(_ name: String) -> [String] { pairs.filter { $0.name == name }.map(\.value) }

    /// The first value of `name` unless it is blank.
    func nonBlank(_ name: String) -> String? {
        guard let value = self[name], value.contains(where: { !$0.isWhitespace }) else { return nil }
        return value
    }

    /// `true` when a checkbox called `name` was ticked.
    func isChecked(_ name: String) -> Bool { self[name] != nil }

    private static func decode(_ text: Substring) -> String {
        String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
    }
}
