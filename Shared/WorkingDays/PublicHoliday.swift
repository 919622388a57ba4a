/// Algemeen erkende feestdag: a public holiday on which the municipality is closed.
public struct PublicHoliday: Sendable, Hashable, Codable {
    /// Which holiday.
    public var kind: Kind
    /// The day it falls on.
    public var day: LocalDate

    /// Creates a holiday entry.
    public init(kind: Kind, day: LocalDate) {
        self.kind = kind
        self.day = day
    }

    /// The holidays `WorkingDayCalendar` knows. Easter Sunday and Whit Sunday are left out
    /// because they are Sundays anyway. Good Friday (Goede Vrijdag) is not a general day off
    /// (most municipalities are open) but counts for statutory terms (Algemene termijnenwet
    /// art. 3).
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Nieuwjaarsdag, 1 January.
        case newYearsDay = "new-years-day"
        /// Goede Vrijdag, the Friday before Easter.
        case goodFriday = "good-friday"
        /// Tweede paasdag, the Monday after Easter.
        case easterMonday = "easter-monday"
        /// Koningsdag, 27 April, or 26 April when the 27th is a Sunday (since 2014).
        case kingsDay = "kings-day"
        /// Bevrijdingsdag, 5 May.
        case liberationDay = "liberation-day"
        /// Hemelvaartsdag, 39 days after Easter.
        case ascensionDay = "ascension-day"
        /// Tweede pinksterdag, 50 days after Easter.
        case whitMonday = "whit-monday"
        /// Eerste kerstdag, 25 December.
        case christmasDay = "christmas-day"
        /// Tweede kerstdag, 26 December.
        case boxingDay = "boxing-day"

        /// The Dutch name shown on the staff pages.
        public var dutchName: String {
            switch self {
            case .newYearsDay: "Nieuwjaarsdag"
            case .goodFriday: "Goede Vrijdag"
            case .easterMonday: "Tweede paasdag"
            case .kingsDay: "Koningsdag"
            case .liberationDay: "Bevrijdingsdag"
            case .ascensionDay: "Hemelvaartsdag"
            case .whitMonday: "Tweede pinksterdag"
            case .christmasDay: "Eerste kerstdag"
            case .boxingDay: "Tweede kerstdag"
            }
        }
    }
}
