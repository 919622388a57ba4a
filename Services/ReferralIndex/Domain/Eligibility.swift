public import WorkingDays

/// Who may be signalled: a young person under 23 on the day of the signal (Jeugdwet 7.1.4.1).
public enum Eligibility {
    /// The age limit: a signal is removed on the 23rd birthday.
    public static let ageLimit = 23

    /// The day someone born on `birthDate` turns `years` old. Born on 29 February, the birthday
    /// in a common year is 28 February: removal never comes later than the law allows.
    public static func birthday(_ years: Int, bornOn birthDate: LocalDate) -> LocalDate {
        let year = birthDate.year + years
        return LocalDate(year: year, month: birthDate.month, day: birthDate.day)
            ?? LocalDate(year: year, month: birthDate.month, day: 28)!
    }

    /// Checks that a young person born on `birthDate` may be signalled on `today`.
    /// - Throws: `ReferralIndexError.birthDateInFuture` or `.tooOld`.
    public static func check(birthDate: LocalDate, on today: LocalDate) throws(ReferralIndexError) {
        guard birthDate <= today else { throw .birthDateInFuture }
        guard today < birthday(ageLimit, bornOn: birthDate) else { throw .tooOld }
    }
}

extension Eligibility {
    /// Full years of age on `today` of someone born on `birthDate`.
    public static func age(bornOn birthDate: LocalDate, on today: LocalDate) -> Int {
        var years = today.year - birthDate.year
        if birthday(years, bornOn: birthDate) > today { years -= 1 }
        return max(0, years)
    }
}
