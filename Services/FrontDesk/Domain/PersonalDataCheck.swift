import Foundation
import WorkingDays

/// An identifier of a person that must not appear in free text leaving the desk.
public enum PersonalIdentifier: String, Sendable, Hashable, Codable, CaseIterable {
    /// Burgerservicenummer.
    case bsn
    /// One of the given names.
    case givenName = "given-name"
    /// The family name.
    case familyName = "family-name"
    /// The street name.
    case street
    /// The postcode.
    case postcode
    /// The phone number.
    case phone
    /// The e-mail address.
    case email
    /// The birth date.
    case birthDate = "birth-date"

    /// The Dutch name in the refusal ("… noemt de achternaam van de burger").
    public var dutchName: String {
        switch self {
        case .bsn: "het BSN"
        case .givenName: "een voornaam"
        case .familyName: "de achternaam"
        case .street: "de straatnaam"
        case .postcode: "de postcode"
        case .phone: "het telefoonnummer"
        case .email: "het e-mailadres"
        case .birthDate: "de geboortedatum"
        }
    }
}

/// Passes on the request, not the person (SPEC P1, P2): free text that leaves the desk (the
/// clarified question, findings) is checked against the person's own identifiers before it
/// goes, so "Gesprek thuis bij Berg" never reaches a partner or another service.
///
/// Names and streets match as whole words, ignoring case and accents ("Pieter" does not match
/// "Pietersberg"); numbers (BSN, phone) match on their digits whatever the separators; the
/// postcode with or without its space; the birth date in the usual Dutch notations.
public enum PersonalDataCheck {
    /// The first identifier of `person` found in `text`, or `nil` when it names none.
    public static func identifier(in text: String, of person: Person) -> PersonalIdentifier? {
        let words = words(of: text)
        let digits = text.filter(\.isASCIIDigit)
        if digits.contains(person.bsn.rawValue) { return .bsn }
        if let phone = person.phone, nationalNumber(phone).count >= 6, digits.contains(nationalNumber(phone)) {
            return .phone
        }
        let folded = fold(text)
        if let email = person.email, !email.isEmpty, folded.contains(fold(email)) { return .email }
        if contains(phrase: person.familyName, in: words) { return .familyName }
        for name in person.givenNames.split(whereSeparator: { $0 == " " || $0 == "-" }) where name.count >= 2 {
            if contains(phrase: String(name), in: words) { return .givenName }
        }
        if let address = person.address {
            if contains(phrase: address.street, in: words) { return .street }
            let compact = folded.filter { !$0.isWhitespace }
            if compact.contains(fold(address.postcode.rawValue).filter { !$0.isWhitespace }) { return .postcode }
        }
        if birthDateNotations(person.birthDate).contains(where: { folded.contains($0) }) { return .birthDate }
        return nil
    }

    /// The refusal for `text` in form field `field` (`label` in the message), or `nil`.
    public static func problem(in text: String?, field: String, label: String, of person: Person) -> FrontDeskError? {
        guard let text, let item = identifier(in: text, of: person) else { return nil }
        return .personalDataInText(field: field, label: label, item: item)
    }

    // MARK: Normalising

    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "nl_NL"))
    }

    static func words(of text: String) -> [Substring] {
        let folded = fold(text)
        return folded.split(whereSeparator: { !($0.isLetter || $0.isNumber) })
    }

    static func contains(phrase: String, in words: [Substring]) -> Bool {
        let parts = self.words(of: phrase)
        guard !parts.isEmpty, parts.count <= words.count else { return false }
        if parts.count == 1, parts[0].count < 2 { return false }
        for start in 0...(words.count - parts.count) where words[start] == parts[0] {
            if zip(words[start..<start + parts.count], parts).allSatisfy({ $0 == $1 }) { return true }
        }
        return false
    }

    /// The digits of a phone number without its trunk or country prefix (026 123 45 67 and
    /// +31 26 1234567 both become 261234567).
    static func nationalNumber(_ phone: String) -> String {
        var digits = phone.filter(\.isASCIIDigit)
        if digits.hasPrefix("0031") {
            digits.removeFirst(4)
        } else if phone.trimmingCharacters(in: .whitespaces).hasPrefix("+31") {
            digits.removeFirst(2)
        }
        while digits.hasPrefix("0") { digits.removeFirst() }
        return digits
    }

    static let monthNames = [
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november",
        "december",
    ]

    static func birthDateNotations(_ day: LocalDate) -> [String] {
        let (d, m, y) = (day.day, day.month, day.year)
        let dd = d < 10 ? "0\(d)" : "\(d)"
        let mm = m < 10 ? "0\(m)" : "\(m)"
        var notations: [String] = ["\(y)-\(mm)-\(dd)", "\(d) \(monthNames[m - 1]) \(y)"]
        for separator in ["-", "/", "."] {
            for (dayText, monthText) in [(dd, mm), ("\(d)", "\(m)"), (dd, "\(m)"), ("\(d)", mm)] {
                notations.append("\(dayText)\(separator)\(monthText)\(separator)\(y)")
            }
        }
        return notations
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
