import Foundation

/// The rules for free text an assessor types: trimmed, required or optional, bounded.
enum TextField {
    /// `text` trimmed; refused when blank or longer than `maxLength`.
    static func required(_ text: String?, field: String, label: String, maxLength: Int = 4000) throws(IndicationError) -> String {
        guard let value = try optional(text, field: field, label: label, maxLength: maxLength) else {
            throw .missingField(field: field, label: label)
        }
        return value
    }

    /// `text` trimmed, `nil` when blank; refused when longer than `maxLength`.
    static func optional(_ text: String?, field: String, label: String, maxLength: Int = 4000) throws(IndicationError) -> String? {
        let trimmed = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        guard trimmed.count <= maxLength else { throw .fieldTooLong(field: field, label: label, maxLength: maxLength) }
        return trimmed
    }
}
