import Contracts
import Foundation
import Testing

@testable import FrontDesk

@Suite("Decision letter")
struct DecisionLetterTests {
    func letter(decidedOn date: Date) -> DecisionLetter {
        let decision = IndicationDecided(
            decisionId: UUID(),
            requestId: UUID(),
            subjectRef: SubjectRef(),
            decidedAt: date,
            decidedBy: "indication",
            lines: [DecisionLine(category: .householdHelp, granted: true, grounds: "Nodig.")]
        )
        return DecisionLetter(decision: decision, person: Fixtures.person(), calendar: Fixtures.calendar)
    }

    @Test("the objection term is six weeks after the letter")
    func sixWeeks() {
        #expect(letter(decidedOn: Fixtures.at(2026, 3, 10)).objectionDeadline == Fixtures.day(2026, 4, 21))
    }

    /// Defect: the 6-week objection deadline could end on a weekend or holiday.
    @Test("an objection term ending on a weekend or holiday moves to the next working day")
    func offWeekendsAndHolidays() {
        // Sat 7 March + 6 weeks = Sat 18 April → Mon 20 April.
        #expect(letter(decidedOn: Fixtures.at(2026, 3, 7)).objectionDeadline == Fixtures.day(2026, 4, 20))
        // Fri 20 February + 6 weeks = Good Friday 3 April → Tue 7 April (Easter Monday between).
        #expect(letter(decidedOn: Fixtures.at(2026, 2, 20)).objectionDeadline == Fixtures.day(2026, 4, 7))
        #expect(letter(decidedOn: Fixtures.at(2026, 2, 20)).objectionText.contains("07-04-2026"))
    }
}
