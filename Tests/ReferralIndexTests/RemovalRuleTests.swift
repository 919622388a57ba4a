import Foundation
import ReferralIndex
import Testing
import WorkingDays

@Suite struct RemovalRuleTests {
    @Test func aSignalIsRemovedTwoYearsAfterItWasMade() {
        let made = LocalDate(year: 2026, month: 12, day: 7)!
        let born = LocalDate(year: 2012, month: 5, day: 1)!
        #expect(RemovalRules.removalDay(made: made, birthDate: born) == LocalDate(year: 2028, month: 12, day: 7)!)
        #expect(RemovalRules.scheduledReason(made: made, birthDate: born) == .twoYears)
    }

    @Test func orOnThe23rdBirthdayWhenThatComesFirst() {
        let made = LocalDate(year: 2026, month: 12, day: 7)!
        let born = LocalDate(year: 2004, month: 6, day: 30)!
        #expect(RemovalRules.removalDay(made: made, birthDate: born) == LocalDate(year: 2027, month: 6, day: 30)!)
        #expect(RemovalRules.scheduledReason(made: made, birthDate: born) == .turned23)
    }

    @Test func aRemovedRecordIsDeletedFiveYearsLater() {
        #expect(RemovalRules.deletionDay(removed: LocalDate(year: 2028, month: 2, day: 29)!) == LocalDate(year: 2033, month: 2, day: 28)!)
    }

    @Test func aRefreshMakesTheSignalAnew() {
        var signal = Examples.signal("123456782", by: Examples.jeugdzorg)
        let later = LocalDate(year: 2027, month: 6, day: 1)!
        signal.refresh(
            professional: signal.professional,
            parentKeys: [Examples.key("100000009")],
            informed: signal.informed,
            at: Examples.now.addingTimeInterval(86_400 * 176),
            today: later
        )
        #expect(signal.removeOn == LocalDate(year: 2029, month: 6, day: 1)!)
        #expect(signal.parentKeys == [Examples.key("100000009")])
    }

    @Test func removalDropsTheBirthDateAndSetsTheDeletionDay() throws {
        var signal = Examples.signal("123456782", by: Examples.jeugdzorg)
        try signal.remove(.unjustified, at: Examples.now, today: Examples.today)
        #expect(signal.birthDate == nil && signal.removeOn == nil && !signal.isActive)
        #expect(signal.deleteOn == LocalDate(year: 2031, month: 12, day: 7)!)
        #expect(throws: ReferralIndexError.signalNotActive) { try signal.remove(.riskGone, at: Examples.now, today: Examples.today) }
    }

    @Test func aMatchNeedsAttentionUntilBothAreRecorded() {
        var match = Match(municipality: .arnhem, kind: .client, coordinator: Examples.school, createdAt: Examples.now)
        let twoWeeks: Double = 14 * 86_400
        #expect(!match.needsAttention(now: Examples.now.addingTimeInterval(twoWeeks - 1), after: twoWeeks))
        #expect(match.needsAttention(now: Examples.now.addingTimeInterval(twoWeeks), after: twoWeeks))
        match.centralContact = UUID()
        #expect(match.needsAttention(now: Examples.now.addingTimeInterval(twoWeeks), after: twoWeeks))
        match.coordinatedAt = Examples.now
        #expect(!match.needsAttention(now: Examples.now.addingTimeInterval(twoWeeks), after: twoWeeks))
    }
}
