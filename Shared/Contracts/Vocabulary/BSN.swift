/// Burgerservicenummer (BSN): the citizen service number, nine digits that pass the eleven-test
/// (elfproef).
///
/// Only the front desk keeps a BSN (SPEC P1, P2): it is never passed on to a partner and there
/// is no `ContactDataItem` for it. The referral index checks one at registration and keeps only
/// its keyed hash. `description` is masked so that string interpolation in
/// a log line cannot leak the number; use `rawValue` only for storage and lookups.
public struct BSN: Sendable, Hashable, Codable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The nine digits, e.g. `"123456782"`.
    public let rawValue: String

    /// Why a text is not a valid BSN; drives the message shown next to the form field.
    public enum Problem: String, Error, Sendable, Hashable, Codable {
        /// Empty input.
        case empty
        /// Something other than digits (spaces and dots as separators are allowed).
        case notDigits = "not-digits"
        /// Fewer than 8 or more than 9 digits.
        case wrongLength = "wrong-length"
        /// All digits are zero.
        case allZeros = "all-zeros"
        /// The weighted sum is not divisible by 11.
        case elevenTestFailed = "eleven-test-failed"
    }

    /// Validates `text` as a BSN.
    ///
    /// Surrounding whitespace and the separators people type (spaces, dots, e.g. `1234.56.782`)
    /// are ignored. Eight digits are accepted and padded with a leading zero, because older
    /// documents and spreadsheets drop it.
    /// - Throws: the `Problem`.
    public init(_ text: String) throws(Problem) {
        let compact = text.filter { !$0.isWhitespace && $0 != "." }
        guard !compact.isEmpty else { throw .empty }
        guard compact.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw .notDigits }
        let digits: String
        switch compact.count {
        case 9: digits = compact
        case 8: digits = "0" + compact
        default: throw .wrongLength
        }
        if let problem = BSN.elevenTestProblem(digits) { throw problem }
        rawValue = digits
    }

    /// `true` when `text` would be accepted by `init(_:)`.
    public static func isValid(_ text: String) -> Bool { (try? BSN(text)) != nil }

    /// The eleven-test (elfproef): 9·d1 + 8·d2 + … + 2·d8 − 1·d9 must be divisible by 11, and
    /// the number must not be all zeros. `digits` must be nine ASCII digits.
    static func elevenTestProblem(_ digits: String) -> Problem? {
        let values = digits.utf8.map { Int($0) - 48 }
        guard values.contains(where: { $0 != 0 }) else { return .allZeros }
        var sum = 0
        for (index, value) in values.enumerated() {
            sum += index == 8 ? -value : (9 - index) * value
        }
        return sum % 11 == 0 ? nil : .elevenTestFailed
    }

    /// For logs and screens where the full number is not needed: only the last three digits
    /// are shown, in the usual `1234.56.789` grouping, e.g. `****.**.782`.
    public var masked: String { "****.**." + String(rawValue.suffix(3)) }

    /// Masked on purpose (see `masked`), so `"\(bsn)"` never leaks the number.
    public var description: String { masked }

    /// Masked on purpose, so `dump` and debugger output never leak the number.
    public var debugDescription: String { "BSN(\(masked))" }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            self = try BSN(text)
        } catch {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not a valid BSN (\(error.rawValue))")
            )
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
