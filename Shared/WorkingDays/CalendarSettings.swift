import Foundation

/// A calendar setting (`CALENDAR_*`) that cannot be used; the service refuses to start.
public enum CalendarSettingsProblem: Error, CustomStringConvertible, Equatable, Sendable {
    /// A closing day that is not `YYYY-MM-DD`.
    case closedDay(String)
    /// An unknown Liberation Day rule.
    case liberationDay(String)
    /// Not `true` or `false`.
    case goodFriday(String)

    public var description: String {
        switch self {
        case .closedDay(let text):
            "CALENDAR_CLOSED_DAYS: '\(text)' is not a date as YYYY-MM-DD (e.g. 2026-12-24,2026-12-31)"
        case .liberationDay(let text):
            "CALENDAR_LIBERATION_DAY: '\(text)' is neither 'every-year' nor 'every-fifth-year'"
        case .goodFriday(let text): "CALENDAR_GOOD_FRIDAY_CLOSED: '\(text)' is neither 'true' nor 'false'"
        }
    }
}

extension WorkingDayCalendar {
    /// The calendar of the three `CALENDAR_*` settings, as text: extra closed days
    /// (`YYYY-MM-DD`, comma-separated), the Liberation Day rule, and whether Good Friday is a day
    /// off. The same settings mean the same in every service.
    public static func fromSettings(
        closedDays: String,
        liberationDay: String,
        goodFridayClosed: String
    ) throws(CalendarSettingsProblem) -> WorkingDayCalendar {
        var days: Set<LocalDate> = []
        for part in closedDays.split(separator: ",") {
            let text = part.trimmingCharacters(in: .whitespaces)
            guard let day = LocalDate(iso: text) else { throw .closedDay(text) }
            days.insert(day)
        }
        guard let rule = LiberationDay(rawValue: liberationDay.trimmingCharacters(in: .whitespaces)) else {
            throw .liberationDay(liberationDay)
        }
        let goodFriday: Bool
        switch goodFridayClosed.trimmingCharacters(in: .whitespaces).lowercased() {
        case "true": goodFriday = true
        case "false": goodFriday = false
        default: throw .goodFriday(goodFridayClosed)
        }
        return WorkingDayCalendar(liberationDay: rule, goodFridayIsDayOff: goodFriday, extraClosedDays: days)
    }
}
