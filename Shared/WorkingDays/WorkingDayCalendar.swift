public import Foundation

/// Werkdagenkalender: Dutch working days, Monday to Friday minus public holidays.
///
/// Days are calendar days in the fixed time zone Europe/Amsterdam, whatever the server's zone.
/// Holidays: New Year's Day, Easter Monday, King's Day, Liberation Day (see `liberationDay`),
/// Ascension Day, Whit Monday, Christmas Day and Boxing Day; Good Friday only when
/// `goodFridayIsDayOff` (always in the `statutory` calendar). Easter comes from the anonymous
/// Gregorian algorithm (Meeus/Jones/Butcher).
public struct WorkingDayCalendar: Sendable {
    /// Which years Liberation Day (5 May) is a day off.
    public enum LiberationDay: String, Sendable, Hashable, Codable, CaseIterable {
        /// Every year (municipalities usually close every year).
        case everyYear = "every-year"
        /// Every fifth year (2025, 2030, …), as many collective agreements have it.
        case everyFifthYear = "every-fifth-year"

        /// Whether 5 May of `year` is a day off.
        public func isDayOff(in year: Int) -> Bool {
            switch self {
            case .everyYear: true
            case .everyFifthYear: year % 5 == 0
            }
        }
    }

    /// Which years Liberation Day is a day off for the desk. The Algemene termijnenwet always
    /// counts it (see `statutory`).
    public var liberationDay: LiberationDay
    /// Whether the desk is closed on Good Friday (default: open, as most municipalities are).
    public var goodFridayIsDayOff: Bool
    /// Extra days the desk is closed (e.g. a municipal closing day between Christmas and New
    /// Year). They do not extend statutory terms.
    public var extraClosedDays: Set<LocalDate>
    /// The Gregorian calendar in Europe/Amsterdam used to map instants to days.
    public let calendar: Calendar

    /// Creates a calendar in Europe/Amsterdam.
    public init(
        liberationDay: LiberationDay = .everyYear,
        goodFridayIsDayOff: Bool = false,
        extraClosedDays: Set<LocalDate> = []
    ) {
        self.liberationDay = liberationDay
        self.goodFridayIsDayOff = goodFridayIsDayOff
        self.extraClosedDays = extraClosedDays
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = WorkingDayCalendar.amsterdam
        self.calendar = calendar
    }

    /// Europe/Amsterdam; the tz database ships with every supported platform.
    public static let amsterdam = TimeZone(identifier: "Europe/Amsterdam")!

    /// The calendar of the Algemene termijnenwet (art. 3), for statutory terms: Good Friday and
    /// Liberation Day always count as holidays, and the desk's extra closing days do not.
    public var statutory: WorkingDayCalendar { WorkingDayCalendar(liberationDay: .everyYear, goodFridayIsDayOff: true) }

    // MARK: Days and instants

    /// The calendar day of `date` in Europe/Amsterdam.
    public func day(of date: Date) -> LocalDate {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return LocalDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// The instant the day starts (00:00 in Europe/Amsterdam).
    public func startOfDay(_ day: LocalDate) -> Date {
        calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))!
    }

    // MARK: Holidays

    /// Easter Sunday of `year` by the anonymous Gregorian algorithm.
    public static func easterSunday(year: Int) -> LocalDate {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return LocalDate(year: year, month: month, day: day)!
    }

    /// The public holidays of `year` that close the desk, in date order.
    public func publicHolidays(in year: Int) -> [PublicHoliday] {
        let easter = WorkingDayCalendar.easterSunday(year: year)
        let april27 = LocalDate(year: year, month: 4, day: 27)!
        var holidays: [PublicHoliday] = [
            .init(kind: .newYearsDay, day: LocalDate(year: year, month: 1, day: 1)!),
            .init(kind: .easterMonday, day: easter.adding(days: 1)),
            .init(kind: .kingsDay, day: april27.isoWeekday == 7 ? april27.adding(days: -1) : april27),
            .init(kind: .ascensionDay, day: easter.adding(days: 39)),
            .init(kind: .whitMonday, day: easter.adding(days: 50)),
            .init(kind: .christmasDay, day: LocalDate(year: year, month: 12, day: 25)!),
            .init(kind: .boxingDay, day: LocalDate(year: year, month: 12, day: 26)!),
        ]
        if liberationDay.isDayOff(in: year) {
            holidays.append(.init(kind: .liberationDay, day: LocalDate(year: year, month: 5, day: 5)!))
        }
        if goodFridayIsDayOff {
            holidays.append(.init(kind: .goodFriday, day: easter.adding(days: -2)))
        }
        return holidays.sorted { $0.day < $1.day }
    }

    /// The public holiday on `day`, if any (Ascension Day and Liberation Day can coincide; then
    /// the first in `publicHolidays(in:)` order).
    public func holiday(on day: LocalDate) -> PublicHoliday? {
        publicHolidays(in: day.year).first { $0.day == day }
    }

    // MARK: Working days

    /// `true` on Monday to Friday unless it is a public holiday or an extra closing day.
    public func isWorkingDay(_ day: LocalDate) -> Bool {
        !day.isWeekend && !extraClosedDays.contains(day) && holiday(on: day) == nil
    }

    /// `true` when the Amsterdam calendar day of `date` is a working day.
    public func isWorkingDay(_ date: Date) -> Bool { isWorkingDay(day(of: date)) }

    /// The `n`-th working day after `day` (before it when `n` is negative); `day` itself when
    /// `n` is 0. Friday plus one working day is the next Monday (or Tuesday after Easter).
    public func adding(workingDays n: Int, to day: LocalDate) -> LocalDate {
        var result = day
        var remaining = abs(n)
        let step = n >= 0 ? 1 : -1
        while remaining > 0 {
            result = result.adding(days: step)
            if isWorkingDay(result) { remaining -= 1 }
        }
        return result
    }

    /// The same wall-clock time on the `n`-th working day after the day of `date`, e.g. Friday
    /// 15:00 plus one working day is Monday 15:00 (daylight saving time respected).
    public func adding(workingDays n: Int, to date: Date) -> Date {
        let target = adding(workingDays: n, to: day(of: date))
        var parts = calendar.dateComponents([.hour, .minute, .second, .nanosecond], from: date)
        parts.year = target.year
        parts.month = target.month
        parts.day = target.day
        return calendar.date(from: parts)!
    }

    /// The number of working days after `from` up to and including `to` (by calendar day);
    /// negative when `to` is earlier. The inverse of `adding(workingDays:to:)`.
    public func workingDays(from: LocalDate, to: LocalDate) -> Int {
        if to < from { return -workingDays(from: to, to: from) }
        var count = 0
        var day = from
        while day < to {
            day = day.adding(days: 1)
            if isWorkingDay(day) { count += 1 }
        }
        return count
    }

    /// The number of working days between the Amsterdam days of two instants; see the
    /// `LocalDate` variant.
    public func workingDays(from: Date, to: Date) -> Int { workingDays(from: day(of: from), to: day(of: to)) }

    /// `day` itself when it is a working day, otherwise the first working day after it.
    public func workingDay(onOrAfter day: LocalDate) -> LocalDate {
        isWorkingDay(day) ? day : adding(workingDays: 1, to: day)
    }
}
