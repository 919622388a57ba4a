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
        #expect(throws: IndicationError.providerMissing(id)) {
            try LineDecision(lineID: id, granted: true, grounds: "g", form: .inKind, validFrom: Self.today)
        }
        #expect(throws: IndicationError.decisionWithoutGrounds(id)) { try LineDecision(lineID: id, granted: false, grounds: "  ") }
        #expect(throws: IndicationError.grantedLineIncomplete(id)) { try LineDecision(lineID: id, granted: true, grounds: "g") }
        #expect(throws: IndicationError.validityEndsBeforeStart(id)) {
            try LineDecision(
                lineID: id,
                granted: true,
                grounds: "g",
                form: .personalBudget,
                validFrom: Self.today,
                validUntil: Self.today.adding(days: -1)
            )
        }
    }

    @Test func aGrantedHouseholdHelpNeedsTheIncomeTestWhereConfigured() throws {
        let arrangement = try Self.arrangement()
        let grant = try LineDecision(
            lineID: arrangement[0].id,
            granted: true,
            grounds: "g",
            form: .inKind,
            validFrom: Self.today,
            provider: "0202-rijnstad"
        )
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

/// The provider exchange's rules on one allocation (iWmo 302/305/307), order-independent.
@Suite("Allocations")
struct AllocationTests {
    static let calendar = WorkingDayCalendar()
    static func day(_ m: Int, _ d: Int, _ y: Int = 2026) -> LocalDate { LocalDate(year: y, month: m, day: d)! }

    static func allocation() -> Allocation {
        Allocation(
            id: UUID(),
            caseID: UUID(),
            decisionID: UUID(),
            lineID: UUID(),
            municipality: .arnhem,
            subjectRef: SubjectRef(),
            provider: OrganisationKey("0202-rijnstad")!,
            category: .householdHelp,
            volume: 3,
            unit: "hours-per-week",
            validFrom: day(12, 14),
            validUntil: day(12, 13, 2027),
            tariffCents: 3250,
            issuedAt: Date(),
            receiptDue: day(12, 10),
            status: .issued,
            receiptAt: nil,
            retourCodes: [],
            escalatedAt: nil,
            startDate: nil,
            stopDate: nil,
            stopReason: nil
        )
    }

    @Test func reasonCodesForStartAndStop() {
        var item = Self.allocation()
        #expect(item.start(on: Self.day(12, 1), reportedOn: Self.day(12, 1), calendar: Self.calendar) == (false, [.dateOutsideValidity]))
        #expect(item.start(on: Self.day(12, 14), reportedOn: Self.day(12, 15), calendar: Self.calendar) == (true, []))
        #expect(item.status == .acknowledged, "a start implies the receipt")
        #expect(item.start(on: Self.day(12, 16), reportedOn: Self.day(12, 16), calendar: Self.calendar) == (false, [.alreadyStarted]))
        #expect(item.start(on: Self.day(12, 14), reportedOn: Self.day(12, 16), calendar: Self.calendar).accepted, "the same start again")
        #expect(
            item.stop(on: Self.day(12, 10), reason: "moved", reportedOn: Self.day(12, 16), calendar: Self.calendar).codes == [.dateOutsideValidity]
        )
        #expect(
            item.stop(on: Self.day(3, 1, 2027), reason: "moved", reportedOn: Self.day(3, 15, 2027), calendar: Self.calendar) == (
                true, [.reportedLate]
            )
        )
        #expect(
            item.stop(on: Self.day(3, 2, 2027), reason: "moved", reportedOn: Self.day(3, 2, 2027), calendar: Self.calendar).codes == [.alreadyStopped]
        )
    }

    @Test func aStopBeforeItsStartArrivesInAnyOrder() {
        var item = Self.allocation()
        #expect(item.stop(on: Self.day(2, 1, 2027), reason: "goals-reached", reportedOn: Self.day(2, 1, 2027), calendar: Self.calendar).accepted)
        #expect(item.start(on: Self.day(2, 2, 2027), reportedOn: Self.day(2, 2, 2027), calendar: Self.calendar).codes == [.stopBeforeStart])
        #expect(item.start(on: Self.day(12, 15), reportedOn: Self.day(12, 16), calendar: Self.calendar).accepted)
    }

    @Test func aRejectedAllocationTakesNoReportsAndTheReceiptCountsOnce() {
        var item = Self.allocation()
        item.recordReceipt(accepted: false, codes: ["no-capacity"], at: Date())
        item.recordReceipt(accepted: true, codes: [], at: Date())
        #expect(item.status == .rejected && item.retourCodes == ["no-capacity"])
        #expect(item.start(on: Self.day(12, 14), reportedOn: Self.day(12, 14), calendar: Self.calendar).codes == [.allocationNotActive])
        #expect(!item.needsEscalation(on: Self.day(12, 11)))
        #expect(Self.allocation().needsEscalation(on: Self.day(12, 11)) && !Self.allocation().needsEscalation(on: Self.day(12, 10)))
        #expect(Self.allocation().monthlyCostCents == 42_250)
    }
}
