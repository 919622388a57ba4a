/// Veldregels: the length and shape rules for form fields, shared by persons, households and
/// requests, so the same field gets the same message everywhere.
///
/// Each check returns the problems it found (empty when fine) instead of throwing, so a form can
/// show every problem next to its field at once.
public enum FieldRules {
    /// Maximum length of a name (given names, family name, city, carer name).
    public static let maxNameLength = 100
    /// Maximum length of a street name.
    public static let maxStreetLength = 200
    /// Maximum length of an e-mail address (RFC 5321 path limit).
    public static let maxEmailLength = 254
    /// Minimum number of digits in a phone number.
    public static let minPhoneDigits = 6
    /// Maximum number of digits in a phone number.
    public static let maxPhoneDigits = 20
    /// Maximum length of the free text of a request or a clarified question.
    public static let maxRequestTextLength = 4000
    /// Maximum length of a short reason (closing, hand-over, withdrawal).
    public static let maxReasonLength = 1000

    /// Checks a free-text field: required (not blank) unless `required` is false, at most `max`
    /// characters, and no control characters other than tab and line breaks (a NUL cannot be
    /// stored, and none of them belongs in a name or a note).
    public static func text(
        _ value: String?,
        field: String,
        label: String,
        max: Int,
        required: Bool = true
    ) -> [FrontDeskError] {
        let trimmed = value?.trimmingWhitespace() ?? ""
        if trimmed.isEmpty {
            return required ? [.missingField(field: field, label: label)] : []
        }
        let length = value?.count ?? 0
        if length > max { return [.fieldTooLong(field: field, label: label, maxLength: max, actualLength: length)] }
        if let value, value.unicodeScalars.contains(where: isForbiddenControl) { return [.invalidCharacters(field: field, label: label)] }
        return []
    }

    /// C0 and C1 control characters, except tab, line feed and carriage return.
    static func isForbiddenControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }

    /// Checks an e-mail address: at most 254 characters and the simple shape
    /// `local@domain.tld` (no spaces, one `@`, a dot in the domain, no empty labels).
    /// Deliverability is not checked; that needs a mail server.
    public static func email(_ value: String?, field: String = "email", required: Bool = false) -> [FrontDeskError] {
        let trimmed = value?.trimmingWhitespace() ?? ""
        if trimmed.isEmpty { return required ? [.missingField(field: field, label: "E-mailadres")] : [] }
        if trimmed.count > maxEmailLength {
            return [.fieldTooLong(field: field, label: "E-mailadres", maxLength: maxEmailLength, actualLength: trimmed.count)]
        }
        return isPlausibleEmail(trimmed) ? [] : [.invalidEmail(field: field)]
    }

    /// Checks a phone number: digits, spaces, hyphens and one leading `+`, with 6 to 20 digits,
    /// e.g. `026 123 45 67`, `06-12345678` or `+31 26 123 4567`.
    public static func phone(_ value: String?, field: String = "phone", required: Bool = false) -> [FrontDeskError] {
        let trimmed = value?.trimmingWhitespace() ?? ""
        if trimmed.isEmpty { return required ? [.missingField(field: field, label: "Telefoonnummer")] : [] }
        return isPlausiblePhone(trimmed) ? [] : [.invalidPhone(field: field)]
    }

    static func isPlausibleEmail(_ text: String) -> Bool {
        guard !text.contains(where: { $0.isWhitespace }) else { return false }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64 else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }) else { return false }
        return labels.last!.count >= 2
    }

    static func isPlausiblePhone(_ text: String) -> Bool {
        var body = Substring(text)
        if body.first == "+" { body = body.dropFirst() }
        guard body.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == " " || $0 == "-" }) else { return false }
        let digits = body.filter { $0.isNumber }.count
        return (minPhoneDigits...maxPhoneDigits).contains(digits)
    }
}

extension String {
    /// The string without leading and trailing whitespace and newlines (no Foundation needed).
    func trimmingWhitespace() -> String {
        guard let start = firstIndex(where: { !$0.isWhitespace }),
            let end = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[start...end])
    }
}
