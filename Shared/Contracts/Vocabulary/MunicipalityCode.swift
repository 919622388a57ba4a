/// The CBS municipality code (gemeentecode), four digits, e.g. `0202` Arnhem, `0268` Nijmegen,
/// `1734` Overbetuwe. Every record and every message carries one (SPEC P6).
public struct MunicipalityCode: Sendable, Hashable, Codable, CustomStringConvertible, Comparable {
    public let rawValue: String

    /// `nil` unless `text` is exactly four digits.
    public init?(_ text: String) {
        guard text.utf8.count == 4, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        rawValue = text
    }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public static let arnhem = MunicipalityCode("0202")!
    public static let nijmegen = MunicipalityCode("0268")!
    public static let overbetuwe = MunicipalityCode("1734")!

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let code = MunicipalityCode(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "municipality code '\(text)' is not four digits")
            )
        }
        self = code
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
