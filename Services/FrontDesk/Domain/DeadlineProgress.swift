/// Voortgang van termijnen: which statutory deadlines of a request are met, and when, from
/// what happened to it (SPEC §2). Pure, so the work list can be rebuilt from stored state.
///
/// - temporary provision (crisis) and investigation: met on the day the first route was taken
///   (the desk acted, the investigation concluded) or the request was closed;
/// - personal plan: the citizen's term; met once the investigation is, and otherwise it leaves
///   the list after its due day (there is nothing for the desk to do when it passes);
/// - decision: met on the day the decision arrived from indication, or the request closed;
/// - complaint handling: met on the day the complaint was closed.
public enum DeadlineProgress {
    /// `deadlines` with `metOn` filled in for `request` on `today`.
    public static func apply(
        to deadlines: [Deadline],
        request: HelpRequest,
        decisionDay: LocalDate?,
        today: LocalDate,
        calendar: WorkingDayCalendar
    ) -> [Deadline] {
        let closedDay = request.closedAt.map { calendar.day(of: $0) }
        let firstRouteDay = request.routes.map(\.openedAt).min().map { calendar.day(of: $0) }
        let actedDay = [firstRouteDay, closedDay].compactMap { $0 }.min()
        return deadlines.map { deadline in
            var deadline = deadline
            switch deadline.kind {
            case .temporaryProvision, .investigation:
                deadline.metOn = actedDay
            case .personalPlan:
                deadline.metOn = actedDay ?? (today > deadline.dueDay ? deadline.dueDay : nil)
            case .decision:
                deadline.metOn = [decisionDay, closedDay].compactMap { $0 }.min()
            case .complaintHandling:
                deadline.metOn = closedDay
            }
            return deadline
        }
    }
}
