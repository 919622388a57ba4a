import Contracts
import Foundation
import Testing

@testable import FrontDesk

@Suite("Work list")
struct WorkListTests {
    let policy = WarmReferralPolicy()
    /// Tuesday 14 April 2026, 09:00.
    let now = Fixtures.at(2026, 4, 14, 9)
    func day(_ y: Int, _ m: Int, _ d: Int) -> LocalDate { Fixtures.day(y, m, d) }

    func deadline(_ kind: DeadlineKind, due: LocalDate, met: LocalDate? = nil) -> Deadline {
        Deadline(kind: kind, startDay: due.adding(days: -14), dueDay: due, metOn: met)
    }

    func referral(requestID: UUID, passedOn: Date) -> Referral {
        Referral(municipality: .arnhem, requestID: requestID, routeID: UUID(), partnerID: Fixtures.mee, passedOnAt: passedOn)
    }

    func cases() -> [WorkListCase] {
        let a = UUID()
        let b = UUID()
        let c = UUID()
        let d = UUID()
        var declined = referral(requestID: c, passedOn: Fixtures.at(2026, 4, 13))
        try! declined.decline(reason: "Geen capaciteit", at: Fixtures.at(2026, 4, 13, 15))
        return [
            // Anna, team noord: one overdue, one due today, one met (not shown), one upcoming.
            WorkListCase(
                requestID: a,
                kind: .notification,
                urgency: .normal,
                handler: Fixtures.anna,
                team: Fixtures.teamNoord,
                deadlines: [
                    deadline(.investigation, due: day(2026, 4, 13)), deadline(.personalPlan, due: day(2026, 4, 14)),
                    deadline(.decision, due: day(2026, 4, 10), met: day(2026, 4, 9)),
                ]
            ),
            // Anna, team noord: crisis due today and a referral not accepted in time (passed on Wed 8 April).
            WorkListCase(
                requestID: b,
                kind: .application,
                urgency: .crisis,
                handler: Fixtures.anna,
                team: Fixtures.teamNoord,
                deadlines: [deadline(.temporaryProvision, due: day(2026, 4, 14)), deadline(.decision, due: day(2026, 4, 28))],
                referrals: [referral(requestID: b, passedOn: Fixtures.at(2026, 4, 8))]
            ),
            // Bram, team noord: a declined referral.
            WorkListCase(
                requestID: c,
                kind: .notification,
                urgency: .high,
                handler: Fixtures.bram,
                team: Fixtures.teamNoord,
                deadlines: [],
                referrals: [declined]
            ),
            // Unassigned, team zuid: overdue complaint; an on-time referral (passed on today).
            WorkListCase(
                requestID: d,
                kind: .complaint,
                urgency: .normal,
                handler: nil,
                team: Fixtures.teamZuid,
                deadlines: [deadline(.complaintHandling, due: day(2026, 4, 1))],
                referrals: [referral(requestID: d, passedOn: now)]
            ),
        ]
    }

    @Test("a staff member's list: overdue, escalations, due today, with counts")
    func staffList() {
        let list = WorkList.build(for: .staff(Fixtures.anna), cases: cases(), policy: policy, now: now)
        #expect(list.day == day(2026, 4, 14))
        #expect(list.counts == WorkList.Counts(overdue: 1, dueToday: 2, escalations: 1))
        #expect(list.counts.total == 4)
        #expect(list.items.map(\.category) == [.overdue, .escalation, .dueToday, .dueToday])
        // Among items due today, the crisis comes first.
        #expect(list.items(in: .dueToday).first?.urgency == .crisis)
        #expect(list.items(in: .escalation).first?.escalation?.reason == .notAcceptedInTime)
        #expect(list.items.first?.message.contains("13-04-2026") == true)
    }

    @Test("a team's list includes every handler and unassigned cases")
    func teamList() {
        let noord = WorkList.build(for: .team(Fixtures.teamNoord), cases: cases(), policy: policy, now: now)
        #expect(noord.counts == WorkList.Counts(overdue: 1, dueToday: 2, escalations: 2))
        let zuid = WorkList.build(for: .team(Fixtures.teamZuid), cases: cases(), policy: policy, now: now)
        #expect(zuid.counts == WorkList.Counts(overdue: 1, dueToday: 0, escalations: 0))
        #expect(zuid.items.first?.handler == nil)
    }

    @Test("lists per staff member and per team")
    func perStaffAndTeam() {
        let perStaff = WorkList.perStaff(cases: cases(), policy: policy, now: now)
        #expect(Set(perStaff.keys) == [Fixtures.anna, Fixtures.bram])
        #expect(perStaff[Fixtures.bram]?.counts == WorkList.Counts(overdue: 0, dueToday: 0, escalations: 1))
        #expect(perStaff[Fixtures.bram]?.items.first?.escalation?.reason == .declined)
        let perTeam = WorkList.perTeam(cases: cases(), policy: policy, now: now)
        #expect(perTeam.mapValues(\.counts.total) == [Fixtures.teamNoord: 5, Fixtures.teamZuid: 1])
    }

    @Test("an empty list has zero counts")
    func empty() {
        let list = WorkList.build(for: .staff("nobody"), cases: cases(), policy: policy, now: now)
        #expect(list.items.isEmpty)
        #expect(list.counts.total == 0)
    }

    @Test("a case is built from a request")
    func fromRequest() {
        var request = Fixtures.clarifyingRequest()
        request.team = Fixtures.teamZuid
        let item = WorkListCase(request: request, deadlines: StatutoryDeadlines().deadlines(for: request))
        #expect(item.handler == Fixtures.anna)
        #expect(item.team == Fixtures.teamZuid)
        #expect(item.deadlines.count == 2)
    }
}
