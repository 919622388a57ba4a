public import Foundation
public import WorkingDays

/// When a signal leaves the index and when its record goes (Jeugdwet art. 7.1.4.5): at most two
/// years after it was made (a refresh by the same professional makes it anew), on the young
/// person's 23rd birthday, at once on a withdrawal or a death notice; a removed signal is kept
/// for five years for accountability, invisible to matching, then deleted.
public enum RemovalRules {
    /// Years a signal stays in the index at most.
    public static let activeYears = 2
    /// Years a removed signal is kept for accountability.
    public static let retentionYears = 5

    /// The day the signal made or refreshed on `made` for someone born on `birthDate` is removed.
    public static func removalDay(made: LocalDate, birthDate: LocalDate) -> LocalDate {
        min(Eligibility.birthday(activeYears, bornOn: made), Eligibility.birthday(Eligibility.ageLimit, bornOn: birthDate))
    }

    /// Why the scheduled removal took a signal out on `today`.
    public static func scheduledReason(made: LocalDate, birthDate: LocalDate) -> SignalRemoval {
        Eligibility.birthday(Eligibility.ageLimit, bornOn: birthDate) <= Eligibility.birthday(activeYears, bornOn: made)
            ? .turned23 : .twoYears
    }

    /// The day the record of a signal removed on `removed` is deleted.
    public static func deletionDay(removed: LocalDate) -> LocalDate { Eligibility.birthday(retentionYears, bornOn: removed) }
}
