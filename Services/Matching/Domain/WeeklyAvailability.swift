/// When someone can help or help is wanted: a set of weekday × part-of-day slots (beschikbaarheid),
/// e.g. `monday-morning`, `saturday-evening`. Stored as a 21-bit mask so that overlap is one AND.
public struct WeeklyAvailability: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Weekday: String, Sendable, CaseIterable {
        case monday, tuesday, wednesday, thursday, friday, saturday, sunday
    }

    public enum PartOfDay: String, Sendable, CaseIterable {
        case morning, afternoon, evening
    }

    /// Bit `day * 3 + part`.
    public let mask: UInt32

    /// The 21 slots of a week.
    static let week: UInt32 = (1 << 21) - 1
    /// Every slot of the week: a request without time windows.
    public static let always = WeeklyAvailability(mask: week)

    public init(mask: UInt32) { self.mask = mask & Self.week }

    public init(_ slots: [(Weekday, PartOfDay)]) {
        var mask: UInt32 = 0
        for (day, part) in slots { mask |= 1 << Self.bit(day, part) }
        self.mask = mask
    }

    /// Parses slot names (`monday-morning`).
    /// - Throws: `MatchingError.invalidAvailability` naming the first unknown slot, or when none is given.
    public init(slots names: [String], field: String) throws(MatchingError) {
        var mask: UInt32 = 0
        for name in names {
            let parts = name.split(separator: "-", maxSplits: 1).map(String.init)
            guard parts.count == 2, let day = Weekday(rawValue: parts[0]), let part = PartOfDay(rawValue: parts[1]) else {
                throw .invalidAvailability(field: field, String(name.prefix(40)))
            }
            mask |= 1 << Self.bit(day, part)
        }
        guard mask != 0 else { throw .invalidAvailability(field: field, "") }
        self.mask = mask
    }

    static func bit(_ day: Weekday, _ part: PartOfDay) -> Int {
        Weekday.allCases.firstIndex(of: day)! * 3 + PartOfDay.allCases.firstIndex(of: part)!
    }

    public var isEmpty: Bool { mask == 0 }
    public var slotCount: Int { mask.nonzeroBitCount }

    /// The slots both have.
    public func overlap(with other: WeeklyAvailability) -> WeeklyAvailability { WeeklyAvailability(mask: mask & other.mask) }

    /// The slot names, in week order.
    public var slots: [String] {
        var names: [String] = []
        for day in Weekday.allCases {
            for part in PartOfDay.allCases where mask & (1 << Self.bit(day, part)) != 0 { names.append("\(day.rawValue)-\(part.rawValue)") }
        }
        return names
    }

    public var description: String { slots.joined(separator: ",") }

    /// Encoded as the list of slot names.
    public init(from decoder: any Decoder) throws {
        let names = try decoder.singleValueContainer().decode([String].self)
        do {
            try self.init(slots: names, field: "availability")
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(slots)
    }
}
