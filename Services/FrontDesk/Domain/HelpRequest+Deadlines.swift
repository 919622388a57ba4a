public import Foundation
public import WorkingDays

/// The statutory terms a request carries (SPEC §2). Due days are computed once, when a term
/// starts (`StatutoryDeadlines`), and stored with the request; what happens to the request
/// then marks them met (`DeadlineProgress`).
extension HelpRequest {
    /// Maps instants to days; only the fixed Europe/Amsterdam zone matters here.
    static let dayCalendar = WorkingDayCalendar()

    /// Starts the terms in `new` that are not running yet: a kind the request already has keeps
    /// its stored due day.
    public mutating func startTerms(_ new: [Deadline]) {
        for deadline in new where !deadlines.contains(where: { $0.kind == deadline.kind }) {
            deadlines.append(deadline)
        }
        settleDeadlines()
    }

    /// A complaints committee advises on this complaint: its handling term becomes `term`
    /// (10 weeks from receipt instead of 6, Awb art. 9:11).
    /// - Throws: `.notAComplaint`; `.invalidTransition` when closed.
    public mutating func involveComplaintsCommittee(term: Deadline, at time: Date) throws(FrontDeskError) {
        guard kind == .complaint else { throw .notAComplaint }
        guard status != .closed else { throw .invalidTransition(from: .closed, to: .clarifying) }
        complaintsCommittee = true
        deadlines.removeAll { $0.kind == .complaintHandling && $0.metOn == nil }
        startTerms([term])
        updatedAt = time
    }

    /// The decision arrived from indication on `day`: the decision term is met.
    public mutating func recordDecision(on day: LocalDate) {
        settleDeadlines(decisionDay: day)
    }

    /// Marks what the request's history meets (first route, closing, a decision).
    mutating func settleDeadlines(decisionDay: LocalDate? = nil) {
        deadlines = DeadlineProgress.apply(
            to: deadlines,
            request: self,
            decisionDay: decisionDay,
            calendar: HelpRequest.dayCalendar
        )
    }
}

extension HelpRequest {
    /// Whether the request took another route after `referral` was declined: the declined
    /// referral's escalation then ends (the desk has acted on it).
    public func isRerouted(after referral: Referral) -> Bool {
        guard let declinedAt = referral.declinedAt else { return false }
        return routes.contains { $0.id != referral.routeID && $0.openedAt > declinedAt }
    }
}
