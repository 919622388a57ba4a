// Small string identifiers used across the front desk. They are separate types so a staff id
// can never be passed where a partner id is expected.

/// Medewerker: identifies a staff member (consulent, regisseur) by their account id.
public struct StaffID: RawRepresentable, Sendable, Hashable, Codable, Comparable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The account id as stored, e.g. a UUID string or a user name.
    public let rawValue: String

    /// Wraps an account id.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Wraps an account id.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// Allows `"anna"` where a `StaffID` is expected, mostly in tests and seed data.
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Team: a front-desk team or area-based social team (sociaal wijkteam) whose work list is shared.
public struct TeamID: RawRepresentable, Sendable, Hashable, Codable, Comparable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The team id as stored, e.g. `arnhem-noord`.
    public let rawValue: String

    /// Wraps a team id.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Wraps a team id.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// Allows `"wijkteam-oost"` where a `TeamID` is expected, mostly in tests and seed data.
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Partnerorganisatie: identifies a partner or general provision on the social map, e.g.
/// `mee-gelderse-poort`. Partners authenticate on the broker under this id.
public struct PartnerID: RawRepresentable, Sendable, Hashable, Codable, Comparable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The partner id as stored and used in queue names.
    public let rawValue: String

    /// Wraps a partner id.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Wraps a partner id.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// Allows `"mee"` where a `PartnerID` is expected, mostly in tests and seed data.
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
