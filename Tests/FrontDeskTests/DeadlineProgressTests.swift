import Contracts
import Foundation
import Testing

@testable import FrontDesk

/// Which statutory deadlines are met, from what happened to the request.
struct DeadlineProgressTests {
    let rules = StatutoryDeadlines()

    func apply(_ request: HelpRequest, decisionDay: LocalDate? = nil, today: LocalDate) -> [DeadlineKind: LocalDate?] {
        let deadlines = DeadlineProgress.apply(
            to: rules.deadlines(for: request),
            request: request,
            decisionDay: decisionDay,
            today: today,
            calendar: Fixtures.calendar
        )
        return Dictionary(uniqueKeysWithValues: deadlines.map { ($0.kind, $0.metOn) })
    }

    @Test func aRouteMeetsTheInvestigationAndTheCrisisTerm() throws {
        var request = Fixtures.clarifyingRequest(at: Fixtures.at(2026, 3, 2))
        request.urgency = .crisis
        #expect(apply(request, today: Fixtures.day(2026, 3, 3))[.investigation] == .some(nil))
        try request.takeRoute(.indication, at: Fixtures.at(2026, 3, 4))
        let met = apply(request, today: Fixtures.day(2026, 3, 5))
        #expect(met[.investigation] == Fixtures.day(2026, 3, 4))
        #expect(met[.temporaryProvision] == Fixtures.day(2026, 3, 4))
        #expect(met[.personalPlan] == Fixtures.day(2026, 3, 4))
    }

    @Test func thePersonalPlanTermLeavesTheListAfterItsDueDay() {
        let request = Fixtures.clarifyingRequest(at: Fixtures.at(2026, 3, 2))
        #expect(apply(request, today: Fixtures.day(2026, 3, 9))[.personalPlan] == .some(nil))
        #expect(apply(request, today: Fixtures.day(2026, 3, 10))[.personalPlan] == Fixtures.day(2026, 3, 9))
    }

    @Test func aDecisionMeetsTheDecisionTerm() {
        let request = Fixtures.clarifyingRequest(kind: .application, at: Fixtures.at(2026, 3, 2))
        #expect(apply(request, today: Fixtures.day(2026, 3, 3))[.decision] == .some(nil))
        let met = apply(request, decisionDay: Fixtures.day(2026, 3, 12), today: Fixtures.day(2026, 3, 20))
        #expect(met[.decision] == Fixtures.day(2026, 3, 12))
    }
}
