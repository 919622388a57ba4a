public import Foundation
public import WorkingDays

/// How the pages write dates, times and ids in Dutch (a service adds its own codes in an
/// extension).
public enum DutchFormat {
    private static let calendar = WorkingDayCalendar()

    /// `06-04-2026 14:05` in Europe/Amsterdam.
    public static func dateTime(_ date: Date) -> String {
        let parts = calendar.calendar.dateComponents([.hour, .minute], from: date)
        let time = String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
        return "\(calendar.day(of: date).dutchFormatted) \(time)"
    }

    /// `06-04-2026` in Europe/Amsterdam.
    public static func date(_ date: Date) -> String { calendar.day(of: date).dutchFormatted }

    /// The day of `date` in Europe/Amsterdam.
    public static func day(of date: Date) -> LocalDate { calendar.day(of: date) }

    /// The start of `day` in Europe/Amsterdam.
    public static func startOfDay(_ day: LocalDate) -> Date { calendar.startOfDay(day) }

    /// The last eight characters of an id, enough to tell records apart on a list (the end, not
    /// the start: seeded ids differ only there).
    public static func shortID(_ id: UUID) -> String { String(id.uuidString.suffix(8)).lowercased() }
}
