public import WorkingDays

/// Beslistermijn: a decision within 2 weeks of the application (Wmo 2015 art. 2.3.5), counted in
/// calendar days from the application day and moved to the next working day when it ends on a
/// weekend or public holiday (Algemene termijnenwet: the statutory calendar).
public struct DecisionTerm: Sendable {
    /// The length in weeks (configurable, default 2).
    public var weeks: Int
    public var calendar: WorkingDayCalendar

    public init(weeks: Int = 2, calendar: WorkingDayCalendar = WorkingDayCalendar()) {
        self.weeks = weeks
        self.calendar = calendar
    }

    /// The last day to decide an application made on `applicationDay`.
    public func dueDay(applicationDay: LocalDate) -> LocalDate {
        calendar.statutory.workingDay(onOrAfter: applicationDay.adding(days: 7 * weeks))
    }

    /// True when a case due on `dueDay` and not decided is overdue on `today`.
    public static func isOverdue(dueDay: LocalDate, today: LocalDate) -> Bool { today > dueDay }
}
