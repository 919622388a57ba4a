import Foundation
public import ServiceRuntime
public import WorkingDays

/// The front desk's own settings, read once at start-up next to the common `ServiceSettings`.
///
/// | variable | default | meaning |
/// |---|---|---|
/// | `BCRYPT_COST` | `10` | bcrypt cost of new password hashes (4-31; lower only in tests) |
/// | `AUTH_CACHE_SECONDS` | `60` | how long a checked API login is remembered (0: never) |
/// | `CALENDAR_CLOSED_DAYS` | (none) | extra days the desk is closed, `YYYY-MM-DD`, comma-separated; they move working-day terms, not statutory ones |
/// | `CALENDAR_LIBERATION_DAY` | `every-year` | `every-year` or `every-fifth-year`: when 5 May is a day off for the desk |
/// | `CALENDAR_GOOD_FRIDAY_CLOSED` | `false` | whether the desk is closed on Good Friday (statutory terms always count it) |
/// | `TRUSTED_PROXIES` | (none) | addresses of reverse proxies whose `X-Forwarded-For` names the client (login throttling per address) |
public struct FrontDeskConfiguration: Sendable {
    /// bcrypt cost.
    public var bcryptCost: UInt8
    /// Seconds a successful API password check is remembered.
    public var authCacheSeconds: Int
    /// The desk's working-day calendar.
    public var calendar: WorkingDayCalendar
    /// Reverse proxies whose `X-Forwarded-For` is believed.
    public var trustedProxies: Set<String>

    /// A setting that cannot be used; the service refuses to start (the calendar settings, the
    /// same for every service).
    public typealias Problem = CalendarSettingsProblem

    /// Reads the settings from `settings.reader`.
    /// - Throws: `Problem` for a calendar setting that cannot be read.
    public init(settings: ServiceSettings) throws(Problem) {
        let login = LoginSettings(settings: settings)
        bcryptCost = login.bcryptCost
        authCacheSeconds = login.authCacheSeconds
        trustedProxies = login.trustedProxies
        calendar = try FrontDeskConfiguration.calendar(
            closedDays: settings.reader.string(forKey: "calendar.closed.days", default: ""),
            liberationDay: settings.reader.string(forKey: "calendar.liberation.day", default: "every-year"),
            goodFridayClosed: settings.reader.string(forKey: "calendar.good.friday.closed", default: "false")
        )
    }

    /// The calendar from the three settings' text (`WorkingDayCalendar.fromSettings`).
    public static func calendar(
        closedDays: String,
        liberationDay: String,
        goodFridayClosed: String
    ) throws(Problem) -> WorkingDayCalendar {
        try WorkingDayCalendar.fromSettings(closedDays: closedDays, liberationDay: liberationDay, goodFridayClosed: goodFridayClosed)
    }
}
