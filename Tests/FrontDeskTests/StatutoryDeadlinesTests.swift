import Contracts
import Foundation
import Testing
import WorkingDays

@testable import FrontDesk

@Suite("Statutory deadlines (Wmo 2015, Awb)")
struct StatutoryDeadlinesTests {
    let rules = StatutoryDeadlines()
    func day(_ y: Int, _ m: Int, _ d: Int) -> LocalDate { Fixtures.day(y, m, d) }

    @Test("a notification: investigation in 6 weeks, personal plan in 7 days")
    func notification() {
        let deadlines = rules.deadlines(kind: .notification, receivedAt: Fixtures.at(2026, 3, 2), urgency: .normal)
        #expect(deadlines.map(\.kind) == [.investigation, .personalPlan])
        #expect(deadlines[0].dueDay == day(2026, 4, 13))
        #expect(deadlines[0].startDay == day(2026, 3, 2))
        #expect(deadlines[1].dueDay == day(2026, 3, 9))
    }

    @Test("the personal plan counts from the confirmation")
    func personalPlanFromConfirmation() {
        let deadlines = rules.deadlines(
            kind: .notification,
            receivedAt: Fixtures.at(2026, 3, 2),
            urgency: .normal,
            confirmedAt: Fixtures.at(2026, 3, 4)
        )
        #expect(deadlines.first { $0.kind == .personalPlan }?.dueDay == day(2026, 3, 11))
    }

    @Test("an application: decision in 2 weeks")
    func application() {
        let deadlines = rules.deadlines(kind: .application, receivedAt: Fixtures.at(2026, 3, 10), urgency: .high)
        #expect(deadlines == [Deadline(kind: .decision, startDay: day(2026, 3, 10), dueDay: day(2026, 3, 24))])
    }

    @Test("a crisis adds a temporary provision due the same day, even at the weekend")
    func crisis() {
        let deadlines = rules.deadlines(kind: .notification, receivedAt: Fixtures.at(2026, 3, 7, 22), urgency: .crisis)
        #expect(deadlines.first == Deadline(kind: .temporaryProvision, startDay: day(2026, 3, 7), dueDay: day(2026, 3, 7)))
        #expect(deadlines.count == 3)
        let question = rules.deadlines(kind: .question, receivedAt: Fixtures.at(2026, 3, 9), urgency: .crisis)
        #expect(question.map(\.kind) == [.temporaryProvision])
    }

    @Test("a complaint: 6 weeks, or 10 with a complaints committee")
    func complaint() {
        let plain = rules.deadlines(kind: .complaint, receivedAt: Fixtures.at(2026, 3, 2), urgency: .normal)
        #expect(plain == [Deadline(kind: .complaintHandling, startDay: day(2026, 3, 2), dueDay: day(2026, 4, 13))])
        let committee = rules.deadlines(
            kind: .complaint,
            receivedAt: Fixtures.at(2026, 3, 2),
            urgency: .crisis,
            complaintsCommittee: true
        )
        #expect(committee == [Deadline(kind: .complaintHandling, startDay: day(2026, 3, 2), dueDay: day(2026, 5, 11))])
    }

    @Test("a simple question has no statutory deadline")
    func question() {
        #expect(rules.deadlines(kind: .question, receivedAt: Fixtures.at(2026, 3, 2), urgency: .normal).isEmpty)
    }

    @Test("a term ending on a weekend or holiday moves to the next working day (Algemene termijnenwet)")
    func termExtension() {
        // Application Mon 23 March 2026 + 2 weeks = Easter Monday 6 April → Tuesday 7 April.
        let easter = rules.deadlines(kind: .application, receivedAt: Fixtures.at(2026, 3, 23), urgency: .normal)
        #expect(easter.first?.dueDay == day(2026, 4, 7))
        // Received on Saturday 7 March: 2 weeks later is Saturday 21 March → Monday 23 March.
        let weekend = rules.deadlines(kind: .application, receivedAt: Fixtures.at(2026, 3, 7), urgency: .normal)
        #expect(weekend.first?.dueDay == day(2026, 3, 23))
        // Liberation Day counts as a holiday for statutory terms even when the desk is open.
        let open = StatutoryDeadlines(calendar: WorkingDayCalendar(liberationDay: .everyFifthYear))
        let fifthOfMay = open.deadlines(kind: .application, receivedAt: Fixtures.at(2026, 4, 21), urgency: .normal)
        #expect(fifthOfMay.first?.dueDay == day(2026, 5, 6))
    }

    /// Defect: a term ending on Good Friday was not moved.
    @Test("a term ending on Good Friday moves to the Tuesday after Easter")
    func goodFriday() {
        // Application Fri 20 March 2026 + 2 weeks = Good Friday 3 April → (Easter Monday) → Tue 7 April.
        let deadlines = rules.deadlines(kind: .application, receivedAt: Fixtures.at(2026, 3, 20), urgency: .normal)
        #expect(deadlines.first?.dueDay == day(2026, 4, 7))
    }

    @Test("receipt just after midnight Amsterdam time counts for that day")
    func midnight() {
        let deadlines = rules.deadlines(kind: .application, receivedAt: Fixtures.at(2026, 3, 10, 0, 15), urgency: .normal)
        #expect(deadlines.first?.startDay == day(2026, 3, 10))
    }

    @Test("deadline status on a given day")
    func status() {
        var deadline = Deadline(kind: .decision, startDay: day(2026, 3, 10), dueDay: day(2026, 3, 24))
        #expect(deadline.status(on: day(2026, 3, 23)) == .upcoming)
        #expect(deadline.status(on: day(2026, 3, 24)) == .dueToday)
        #expect(deadline.status(on: day(2026, 3, 25)) == .overdue)
        #expect(deadline.daysLeft(on: day(2026, 3, 20)) == 4)
        deadline.metOn = day(2026, 3, 24)
        #expect(deadline.status(on: day(2026, 4, 1)) == .metInTime)
        deadline.metOn = day(2026, 3, 25)
        #expect(deadline.status(on: day(2026, 4, 1)) == .metLate)
    }

    @Test("deadlines of a request use its kind, receipt and urgency")
    func forRequest() {
        let request = Fixtures.clarifyingRequest(kind: .application, at: Fixtures.at(2026, 3, 10))
        #expect(rules.deadlines(for: request).map(\.kind) == [.decision])
    }
}
