import Contracts
import Foundation

/// The rules for free text that reaches matching (a question, a decline reason, an
/// evaluation): trimmed, bounded, and without a BSN-like number: matching holds no client's
/// identifiers, so a slip at the source is refused, not stored.
public enum FreeText {
    /// `text` trimmed.
    /// - Throws: `MatchingError.invalidText` when blank or outside `length`;
    ///   `.identifyingText` when a run of nine digits passes the eleven-test.
    public static func checked(_ text: String, field: String, length: ClosedRange<Int> = 1...4000) throws(MatchingError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard length.contains(trimmed.count), !trimmed.unicodeScalars.contains(where: { $0.value < 32 && $0 != "\n" && $0 != "\t" && $0 != "\r" })
        else { throw .invalidText(field: field, length) }
        guard !containsBSN(trimmed) else { throw .identifyingText(field: field) }
        return trimmed
    }

    /// True when a run of digits (dots and spaces between them ignored) of length nine passes the
    /// eleven-test.
    public static func containsBSN(_ text: String) -> Bool {
        var digits: [Character] = []
        func check() -> Bool {
            defer { digits.removeAll(keepingCapacity: true) }
            return digits.count == 9 && BSN.isValid(String(digits))
        }
        for character in text {
            if character.isASCII, character.isNumber {
                digits.append(character)
            } else if character == "." || character == " ", !digits.isEmpty {
                continue
            } else if check() {
                return true
            }
        }
        return check()
    }
}
