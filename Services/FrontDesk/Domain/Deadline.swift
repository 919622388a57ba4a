public import WorkingDays

/// Termijn: a statutory deadline of a request, by calendar day.
///
/// A deadline is met in time when the work is done on or before `dueDay`; it is overdue from
/// the day after. Days are Europe/Amsterdam calendar days (`WorkingDayCalendar.day(of:)`).
public struct Deadline: Sendable, Hashable, Codable {
    /// What must be done.
    public var kind: DeadlineKind
    /// The day the term started (receipt, confirmation, or the indication route for a decision).
    public var startDay: LocalDate
    /// The last day on which the work is in time.
    public var dueDay: LocalDate
    /// The day the work was done; `nil` while open.
    public var metOn: LocalDate?

    /// Creates a deadline.
    public init(kind: DeadlineKind, startDay: LocalDate, dueDay: LocalDate, metOn: LocalDate? = nil) {
        self.kind = kind
        self.startDay = startDay
        self.dueDay = dueDay
        self.metOn = metOn
    }

    /// Where the deadline stands on `today`. The personal plan is the citizen's term: when it
    /// passes unused there is nothing for the desk to do, so it lapses instead of going overdue.
    public func status(on today: LocalDate) -> DeadlineStatus {
        if let metOn { return metOn <= dueDay ? .metInTime : .metLate }
        if today > dueDay { return kind == .personalPlan ? .lapsed : .overdue }
        return today == dueDay ? .dueToday : .upcoming
    }

    /// Calendar days from `today` to the due day (negative when overdue).
    public func daysLeft(on today: LocalDate) -> Int { today.days(to: dueDay) }
}

/// Soort termijn (SPEC §2).
public enum DeadlineKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Onderzoek: the investigation after a notification, 6 weeks (Wmo 2015 art. 2.3.2).
    case investigation
    /// Persoonlijk plan: the citizen may hand in a personal plan, 7 days (Wmo 2015 art. 2.3.2).
    case personalPlan = "personal-plan"
    /// Beschikking: the decision after an application, 2 weeks (Wmo 2015 art. 2.3.5).
    case decision
    /// Tijdelijke voorziening: a temporary provision in a crisis, the same day (Wmo 2015 art. 2.3.3).
    case temporaryProvision = "temporary-provision"
    /// Klachtafhandeling: 6 weeks, 10 with a complaints committee (Awb art. 9:11).
    case complaintHandling = "complaint-handling"

    /// The Dutch label shown on the work list.
    public var dutchName: String {
        switch self {
        case .investigation: "Onderzoek afronden"
        case .personalPlan: "Persoonlijk plan (termijn burger)"
        case .decision: "Beschikking afgeven"
        case .temporaryProvision: "Tijdelijke voorziening (crisis)"
        case .complaintHandling: "Klacht afhandelen"
        }
    }
}

/// Stand van een termijn on a given day.
public enum DeadlineStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Due later.
    case upcoming
    /// Due today.
    case dueToday = "due-today"
    /// Past its due day and not met.
    case overdue
    /// Met on or before the due day.
    case metInTime = "met-in-time"
    /// Met after the due day.
    case metLate = "met-late"
    /// The citizen's own term (personal plan) passed unused.
    case lapsed

    /// The Dutch label shown on the work list.
    public var dutchName: String {
        switch self {
        case .upcoming: "Nog niet verlopen"
        case .dueToday: "Verloopt vandaag"
        case .overdue: "Verlopen"
        case .metInTime: "Op tijd"
        case .metLate: "Te laat afgerond"
        case .lapsed: "Verstreken (termijn van de burger)"
        }
    }
}
