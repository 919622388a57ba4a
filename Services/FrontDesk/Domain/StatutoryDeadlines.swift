public import Contracts
public import Foundation
public import WorkingDays

/// Wettelijke termijnen: computes the statutory deadlines of a request (SPEC §2, Wmo 2015, Awb).
///
/// Terms in weeks and days are calendar terms counted from the day after receipt. A term that
/// would end on a Saturday, Sunday or public holiday ends on the next working day instead
/// (Algemene termijnenwet art. 1); the crisis term (same day) is never moved. The lengths are
/// configurable because the spec's reference data is.
public struct StatutoryDeadlines: Sendable {
    /// Weeks for the investigation after a notification (default 6).
    public var investigationWeeks: Int
    /// Days for the citizen's personal plan after the confirmation (default 7).
    public var personalPlanDays: Int
    /// Weeks for the decision after an application (default 2).
    public var decisionWeeks: Int
    /// Weeks for handling a complaint (default 6).
    public var complaintWeeks: Int
    /// Weeks for a complaint when a complaints committee advises (default 10).
    public var complaintWithCommitteeWeeks: Int
    /// The calendar that maps instants to days and moves terms off non-working days.
    public var calendar: WorkingDayCalendar

    /// Creates the rules with the statutory defaults.
    public init(
        investigationWeeks: Int = 6,
        personalPlanDays: Int = 7,
        decisionWeeks: Int = 2,
        complaintWeeks: Int = 6,
        complaintWithCommitteeWeeks: Int = 10,
        calendar: WorkingDayCalendar = WorkingDayCalendar()
    ) {
        self.investigationWeeks = investigationWeeks
        self.personalPlanDays = personalPlanDays
        self.decisionWeeks = decisionWeeks
        self.complaintWeeks = complaintWeeks
        self.complaintWithCommitteeWeeks = complaintWithCommitteeWeeks
        self.calendar = calendar
    }

    /// The deadlines of a request.
    ///
    /// - notification: investigation (6 weeks) and personal plan (7 days after `confirmedAt`,
    ///   which defaults to `receivedAt` because the desk confirms on receipt);
    /// - application: decision (2 weeks);
    /// - complaint: handling (6 weeks, or 10 when `complaintsCommittee`);
    /// - question: none;
    /// - and for any kind but a complaint, a crisis adds a temporary provision due the same day.
    public func deadlines(
        kind: RequestKind,
        receivedAt: Date,
        urgency: Urgency,
        confirmedAt: Date? = nil,
        complaintsCommittee: Bool = false
    ) -> [Deadline] {
        let received = calendar.day(of: receivedAt)
        var deadlines: [Deadline] = []
        if urgency == .crisis, kind != .complaint {
            deadlines.append(Deadline(kind: .temporaryProvision, startDay: received, dueDay: received))
        }
        switch kind {
        case .question:
            break
        case .notification:
            deadlines.append(term(.investigation, from: received, days: 7 * investigationWeeks))
            let confirmed = confirmedAt.map { calendar.day(of: $0) } ?? received
            deadlines.append(term(.personalPlan, from: confirmed, days: personalPlanDays))
        case .application:
            deadlines.append(term(.decision, from: received, days: 7 * decisionWeeks))
        case .complaint:
            let weeks = complaintsCommittee ? complaintWithCommitteeWeeks : complaintWeeks
            deadlines.append(term(.complaintHandling, from: received, days: 7 * weeks))
        }
        return deadlines
    }

    /// The deadlines of `request` (see `deadlines(kind:receivedAt:urgency:confirmedAt:complaintsCommittee:)`),
    /// with its complaints-committee flag. A crisis recognised after receipt (`crisisFrom`)
    /// starts its same-day term on that day.
    public func deadlines(for request: HelpRequest, confirmedAt: Date? = nil, crisisFrom: Date? = nil) -> [Deadline] {
        var result = deadlines(
            kind: request.kind,
            receivedAt: request.receivedAt,
            urgency: request.urgency,
            confirmedAt: confirmedAt,
            complaintsCommittee: request.complaintsCommittee
        )
        if let crisisFrom, let index = result.firstIndex(where: { $0.kind == .temporaryProvision }) {
            let day = calendar.day(of: crisisFrom)
            result[index] = Deadline(kind: .temporaryProvision, startDay: day, dueDay: day)
        }
        return result
    }

    /// The decision term (2 weeks) that starts when a notification's investigation leads to an
    /// indication route on `date`: from then on the desk and indication work to a decision.
    public func decisionTerm(from date: Date) -> Deadline {
        term(.decision, from: calendar.day(of: date), days: 7 * decisionWeeks)
    }

    /// The complaint term with a complaints committee (10 weeks from receipt of `request`).
    public func complaintWithCommitteeTerm(for request: HelpRequest) -> Deadline {
        term(.complaintHandling, from: calendar.day(of: request.receivedAt), days: 7 * complaintWithCommitteeWeeks)
    }

    /// A term of `days` calendar days from `start`, moved to the next working day under the
    /// Algemene termijnenwet.
    func term(_ kind: DeadlineKind, from start: LocalDate, days: Int) -> Deadline {
        let statutory = calendar.statutory
        let due = statutory.workingDay(onOrAfter: start.adding(days: days))
        return Deadline(kind: kind, startDay: start, dueDay: due)
    }
}
