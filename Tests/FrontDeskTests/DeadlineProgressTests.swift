import Contracts
import Foundation
import Testing
import WorkingDays

@testable import FrontDesk

/// Which statutory deadlines are met, from what happened to the request; terms are stored when
/// they start and never recomputed.
struct DeadlineProgressTests {
    let rules = StatutoryDeadlines()

    func request(kind: RequestKind = .notification, urgency: Urgency = .normal) -> HelpRequest {
        var request = Fixtures.clarifyingRequest(kind: kind, at: Fixtures.at(2026, 3, 2))
        request.urgency = urgency
        request.startTerms(rules.deadlines(for: request))
        return request
    }

    func met(_ request: HelpRequest) -> [DeadlineKind: LocalDate?] {
        Dictionary(uniqueKeysWithValues: request.deadlines.map { ($0.kind, $0.metOn) })
    }

    @Test func aRouteMeetsTheInvestigationAndTheCrisisTerm() throws {
        var request = request(urgency: .crisis)
        #expect(met(request)[.investigation] == .some(nil))
        try request.takeRoute(.indication, at: Fixtures.at(2026, 3, 4))
        #expect(met(request)[.investigation] == Fixtures.day(2026, 3, 4))
        #expect(met(request)[.temporaryProvision] == Fixtures.day(2026, 3, 4))
        #expect(met(request)[.personalPlan] == Fixtures.day(2026, 3, 4))
    }

    @Test func thePersonalPlanTermLapsesAfterItsDueDay() throws {
        let request = request()
        let plan = try #require(request.deadlines.first { $0.kind == .personalPlan })
        #expect(plan.status(on: Fixtures.day(2026, 3, 9)) == .dueToday)
        #expect(plan.status(on: Fixtures.day(2026, 3, 10)) == .lapsed)
    }

    @Test func aDecisionMeetsTheDecisionTerm() {
        var request = request(kind: .application)
        #expect(met(request)[.decision] == .some(nil))
        request.recordDecision(on: Fixtures.day(2026, 3, 12))
        #expect(met(request)[.decision] == Fixtures.day(2026, 3, 12))
    }

    @Test func closingMeetsWhatIsOpen() throws {
        var request = request(kind: .complaint)
        try request.close(outcome: .resolved, reason: "Klacht opgelost aan de balie", at: Fixtures.at(2026, 3, 20))
        #expect(met(request)[.complaintHandling] == Fixtures.day(2026, 3, 20))
    }

    @Test func aStartedTermKeepsItsStoredDueDay() {
        var request = request(kind: .application)
        let stored = request.deadlines
        // Different rules later (a 6-week decision term) do not move the running term.
        request.startTerms(StatutoryDeadlines(decisionWeeks: 6).deadlines(for: request))
        #expect(request.deadlines == stored)
    }

    @Test func aComplaintsCommitteeExtendsOnlyAComplaint() throws {
        var complaint = request(kind: .complaint)
        #expect(complaint.deadlines.map(\.dueDay) == [Fixtures.day(2026, 4, 13)])
        try complaint.involveComplaintsCommittee(term: rules.complaintWithCommitteeTerm(for: complaint), at: Fixtures.at(2026, 3, 3))
        #expect(complaint.deadlines.map(\.dueDay) == [Fixtures.day(2026, 5, 11)])
        var notification = request()
        #expect(throws: FrontDeskError.notAComplaint) {
            try notification.involveComplaintsCommittee(term: rules.complaintWithCommitteeTerm(for: notification), at: Fixtures.at(2026, 3, 3))
        }
    }

    @Test func aDeclinedReferralIsReroutedByALaterRoute() throws {
        var request = request()
        let route = try request.takeRoute(.passedOn, partner: Fixtures.mee, at: Fixtures.at(2026, 3, 2))
        var referral = Referral(
            municipality: .arnhem,
            requestID: request.id,
            routeID: route.id,
            partnerID: Fixtures.mee,
            passedOnAt: Fixtures.at(2026, 3, 2)
        )
        try referral.decline(reason: "Vol", at: Fixtures.at(2026, 3, 3))
        #expect(!request.isRerouted(after: referral))
        try request.takeRoute(.matching, at: Fixtures.at(2026, 3, 4))
        #expect(request.isRerouted(after: referral))
    }
}
