/// The region-unique name of an organisation on the broker: `<municipality>-<id>`, e.g.
/// `0202-mee`. It is the organisation's broker login, part of its queue name
/// (`partner.0202-mee`) and of its routing keys (`partner.0202-mee.referral.accepted`).
/// Organisation ids are unique per municipality only; with the municipality in front, a second
/// municipality adding a partner with the same id gets a login and queue of its own.
public struct OrganisationKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let municipality: MunicipalityCode
    /// The organisation's id within the municipality (`[a-z0-9][a-z0-9-]*`).
    public let id: String

    public init(municipality: MunicipalityCode, id: String) {
        self.municipality = municipality
        self.id = id
    }

    /// Parses `0202-mee`; `nil` for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", maxSplits: 1).map(String.init)
        guard parts.count == 2, let municipality = MunicipalityCode(parts[0]), !parts[1].isEmpty,
            parts[1].utf8.allSatisfy({ (97...122).contains($0) || (48...57).contains($0) || $0 == UInt8(ascii: "-") })
        else { return nil }
        self.init(municipality: municipality, id: parts[1])
    }

    public var description: String { "\(municipality.rawValue)-\(id)" }

    public static func < (lhs: OrganisationKey, rhs: OrganisationKey) -> Bool { lhs.description < rhs.description }
}

extension OrganisationKey: Codable {
    /// Encoded as its text, `0202-mee`.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let key = OrganisationKey(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not an organisation key like 0202-mee")
            )
        }
        self = key
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
