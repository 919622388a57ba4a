public import WorkingDays

/// Voortgang van termijnen: which statutory deadlines of a request are met, and when, from
/// what happened to it (SPEC §2). Pure; a day once recorded as met stays.
///
/// - temporary provision (crisis) and investigation: met on the day the first route was taken
///   (the desk acted, the investigation concluded) or the request was closed;
/// - personal plan: the citizen's term; met once the investigation is (after its due day
///   unused it lapses, see `Deadline.status(on:)`);
/// - decision: met on the day the decision arrived from indication, or the request closed;
/// - complaint handling: met on the day the complaint was closed.
public enum DeadlineProgress {
    /// `deadlines` with `metOn` filled in for `request`.
    public static func apply(
        to deadlines: [Deadline],
        request: HelpRequest,
        decisionDay: LocalDate?,
        calendar: WorkingDayCalendar
    ) -> [Deadline] {
        let closedDay = request.closedAt.map { calendar.day(of: $0) }
        let routeDays = request.routes.map { calendar.day(of: $0.openedAt) }
        // What the desk did counts for a term only from the day the term started (a crisis
        // recognised after a first route is not met by that earlier route).
        func actedDay(from start: LocalDate) -> LocalDate? {
            (routeDays + [closedDay].compactMap { $0 }).filter { $0 >= start }.min()
        }
        return deadlines.map { deadline in
            var deadline = deadline
            guard deadline.metOn == nil else { return deadline }
            switch deadline.kind {
            case .temporaryProvision, .investigation, .personalPlan:
                deadline.metOn = actedDay(from: deadline.startDay)
            case .decision:
                deadline.metOn = [decisionDay, closedDay].compactMap { $0 }.min()
            case .complaintHandling:
                deadline.metOn = closedDay
            }
            return deadline
        }
    }
}
