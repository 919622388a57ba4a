/// Postcode: a Dutch postal code, four digits and two letters, normalised to `1234 AB`.
public struct Postcode: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The normalised form, e.g. `"6811 AB"`.
    public let rawValue: String

    /// Letter pairs PostNL never issues (they recall the SA, SD and SS of the occupation).
    static let unusedLetterPairs: Set<String> = ["SA", "SD", "SS"]

    /// Validates and normalises `text`: surrounding and inner whitespace is ignored and letters
    /// are upper-cased, so `6811ab`, `6811 ab` and ` 6811  AB ` all become `6811 AB`.
    /// - Throws: `FrontDeskError.invalidPostcode` when the text is not four digits (not starting
    ///   with 0) followed by two letters, or uses a letter pair that is never issued.
    public init(_ text: String) throws(FrontDeskError) {
        let compact = text.filter { !$0.isWhitespace }.uppercased()
        let characters = Array(compact)
        guard characters.count == 6,
            characters[0] != "0",
            characters[0..<4].allSatisfy({ $0.isASCII && $0.isNumber }),
            characters[4..<6].allSatisfy({ $0.isASCII && $0.isLetter })
        else { throw .invalidPostcode(text) }
        let letters = String(characters[4..<6])
        guard !Postcode.unusedLetterPairs.contains(letters) else { throw .invalidPostcode(text) }
        rawValue = String(characters[0..<4]) + " " + letters
    }

    /// `true` when `text` would be accepted by `init(_:)`.
    public static func isValid(_ text: String) -> Bool { (try? Postcode(text)) != nil }

    /// The four digits (the postcode area), e.g. `"6811"`; used to look up a district.
    public var digits: String { String(rawValue.prefix(4)) }

    /// The two letters, e.g. `"AB"`.
    public var letters: String { String(rawValue.suffix(2)) }

    public var description: String { rawValue }

    public static func < (lhs: Postcode, rhs: Postcode) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            self = try Postcode(text)
        } catch {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "postcode '\(text)' is not like 1234 AB")
            )
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
