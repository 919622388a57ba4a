import ReferralIndex
import Testing
import WorkingDays

@Suite struct EligibilityTests {
    let born = LocalDate(year: 2004, month: 3, day: 15)!

    @Test func theDayBeforeThe23rdBirthdayIsInScopeAndTheBirthdayIsNot() throws {
        try Eligibility.check(birthDate: born, on: LocalDate(year: 2027, month: 3, day: 14)!)
        #expect(throws: ReferralIndexError.tooOld) { try Eligibility.check(birthDate: born, on: LocalDate(year: 2027, month: 3, day: 15)!) }
    }

    @Test func aBirthDateInTheFutureIsRefused() {
        #expect(throws: ReferralIndexError.birthDateInFuture) {
            try Eligibility.check(birthDate: LocalDate(year: 2027, month: 1, day: 1)!, on: LocalDate(year: 2026, month: 12, day: 31)!)
        }
    }

    @Test func bornOn29FebruaryTurns23On28FebruaryInACommonYear() {
        let leap = LocalDate(year: 2004, month: 2, day: 29)!
        #expect(Eligibility.birthday(23, bornOn: leap) == LocalDate(year: 2027, month: 2, day: 28)!)
        #expect(Eligibility.birthday(20, bornOn: leap) == LocalDate(year: 2024, month: 2, day: 29)!)
    }

    @Test func ageCountsFullYears() {
        #expect(Eligibility.age(bornOn: born, on: LocalDate(year: 2020, month: 3, day: 14)!) == 15)
        #expect(Eligibility.age(bornOn: born, on: LocalDate(year: 2020, month: 3, day: 15)!) == 16)
    }

    @Test func underSixteenTheParentsAreInformedOrTheReasonGiven() throws {
        #expect(throws: ReferralIndexError.parentsInformedMissing) { try InformedStatus(youngPerson: true).check(age: 15) }
        #expect(throws: ReferralIndexError.notInformedReasonMissing) {
            try InformedStatus(youngPerson: true, parents: false).check(age: 15)
        }
        try InformedStatus(youngPerson: true, parents: false, reason: .safety).check(age: 15)
        try InformedStatus(youngPerson: true).check(age: 16)
        #expect(throws: ReferralIndexError.notInformedReasonMissing) { try InformedStatus(youngPerson: false).check(age: 17) }
    }
}
