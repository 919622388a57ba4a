import Contracts
import Foundation
import Indication
import Testing
import WorkingDays

/// The decision's rules, the 2-week term and the routing rules.
@Suite("Decisions, terms and routing")
struct DecisionTests {
    static let today = LocalDate(year: 2026, month: 12, day: 7)!
    static let by = AssessorID("iris")

    static func arrangement() throws -> [ArrangementLine] {
        [
            try LayeredArrangementTests.individual(reason: "Netwerk overbelast"),
            try ArrangementLine(
                layer: .informalSupport,
                deliveredBy: "Vrijwilliger",
                activity: "Boodschappen",
                task: .shopping,
                intendedResult: "Eten in huis"
            ),
        ]
    }

    static func decide(
        _ lines: [LineDecision],
        arrangement: [ArrangementLine],
        review: LocalDate? = nil,
        incomeTested: Bool = false
    )
        throws(IndicationError) -> Decision
    {
        try Decision(
            caseID: UUID(),
            arrangement: arrangement,
            lines: lines,
            decidedAt: Date(),
            today: today,
            decidedBy: by,
            reviewDay: review,
            ownContribution: true,
            incomeTested: incomeTested,
            incomeTestCategories: [.householdHelp]
        )
    }

    @Test func everyOpenIndividualProvisionNeedsADecisionAndOnlyThose() throws {
        let arrangement = try Self.arrangement()
        let individual = arrangement[0].id
        #expect(throws: IndicationError.lineNotDecided(individual)) { try Self.decide([], arrangement: arrangement) }
        let informal = try LineDecision(lineID: arrangement[1].id, granted: false, grounds: "g")
        #expect(throws: IndicationError.notAnOpenIndividualLine(arrangement[1].id)) {
            try Self.decide([informal], arrangement: arrangement)
        }
        #expect(throws: IndicationError.nothingToDecide) { try Self.decide([], arrangement: [arrangement[1]]) }
    }

    @Test func aDecisionNeedsGroundsAndAGrantItsFormAndStart() {
        let id = UUID()
        #expect(throws: IndicationError.decisionWithoutGrounds(id)) { try LineDecision(lineID: id, granted: false, grounds: "  ") }
        #expect(throws: IndicationError.grantedLineIncomplete(id)) { try LineDecision(lineID: id, granted: true, grounds: "g") }
        #expect(throws: IndicationError.validityEndsBeforeStart(id)) {
            try LineDecision(lineID: id, granted: true, grounds: "g", form: .inKind, validFrom: Self.today, validUntil: Self.today.adding(days: -1))
        }
    }

    @Test func aGrantedHouseholdHelpNeedsTheIncomeTestWhereConfigured() throws {
        let arrangement = try Self.arrangement()
        let grant = try LineDecision(lineID: arrangement[0].id, granted: true, grounds: "g", form: .inKind, validFrom: Self.today)
        #expect(throws: IndicationError.incomeTestRequired(.householdHelp)) { try Self.decide([grant], arrangement: arrangement) }
        let decision = try Self.decide([grant], arrangement: arrangement, review: Self.today.adding(days: 180), incomeTested: true)
        let lines = decision.contractLines(arrangement: arrangement, calendar: WorkingDayCalendar())
        #expect(lines.count == 1)
        #expect(lines[0].category == .householdHelp && lines[0].granted && lines[0].volume == 3 && lines[0].unit == "hours-per-week")
        let refusal = try LineDecision(lineID: arrangement[0].id, granted: false, grounds: "Algemene voorziening volstaat")
        #expect(try Self.decide([refusal], arrangement: arrangement).lines.count == 1)
    }

    @Test func aReviewDateInThePastIsRefused() throws {
        let arrangement = try Self.arrangement()
        let refusal = try LineDecision(lineID: arrangement[0].id, granted: false, grounds: "g")
        #expect(throws: IndicationError.reviewDateInPast) {
            try Self.decide([refusal], arrangement: arrangement, review: Self.today.adding(days: -1))
        }
    }

    @Test func theDecisionTermIsTwoWeeksMovedOffHolidays() {
        let term = DecisionTerm()
        #expect(term.dueDay(applicationDay: LocalDate(year: 2026, month: 12, day: 14)!) == LocalDate(year: 2026, month: 12, day: 28)!)
        // Friday 11 December + 14 days = Christmas Day; Boxing Day and Sunday follow.
        #expect(term.dueDay(applicationDay: LocalDate(year: 2026, month: 12, day: 11)!) == LocalDate(year: 2026, month: 12, day: 28)!)
        // Good Friday 2027 is 26 March: a statutory holiday, so the term moves to Tuesday 30 March (Easter Monday too).
        #expect(term.dueDay(applicationDay: LocalDate(year: 2027, month: 3, day: 12)!) == LocalDate(year: 2027, month: 3, day: 30)!)
        #expect(DecisionTerm.isOverdue(dueDay: Self.today, today: Self.today.adding(days: 1)))
        #expect(!DecisionTerm.isOverdue(dueDay: Self.today, today: Self.today))
    }

    @Test func complexDomainsAndProfilesGoToTheMunicipalitysAssessor() throws {
        let advies = try #require(OrganisationKey("0202-advies"))
        let rules = RoutingRules(assessors: [.arnhem: advies])
        #expect(rules.assessor(for: [.mentalHealth, .finances], in: .arnhem) == advies)
        #expect(rules.assessor(for: [.finances], in: .arnhem) == nil)
        #expect(rules.assessor(for: [.mentalHealth], in: .nijmegen) == nil)
        #expect(rules.assessor(forProfile: 9, in: .arnhem) == advies)
        #expect(rules.assessor(forProfile: 3, in: .arnhem) == nil)
        #expect(rules.isStandard(.aids) && !rules.isStandard(.householdHelp))
    }
}
