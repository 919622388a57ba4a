import Foundation
import Testing
import WorkingDays

@testable import FrontDesk

@Suite("Working days (Europe/Amsterdam)")
struct WorkingDayCalendarTests {
    let calendar = Fixtures.calendar
    func day(_ y: Int, _ m: Int, _ d: Int) -> LocalDate { Fixtures.day(y, m, d) }

    @Test(
        "Easter by the anonymous Gregorian algorithm",
        arguments: [
            (2024, 3, 31), (2025, 4, 20), (2026, 4, 5), (2027, 3, 28), (2038, 4, 25), (2285, 3, 22),
        ]
    )
    func easter(_ year: Int, _ month: Int, _ dayOfMonth: Int) {
        #expect(WorkingDayCalendar.easterSunday(year: year) == day(year, month, dayOfMonth))
    }

    @Test("the holidays of 2026")
    func holidays2026() {
        let holidays = calendar.publicHolidays(in: 2026)
        let byKind = Dictionary(uniqueKeysWithValues: holidays.map { ($0.kind, $0.day) })
        #expect(byKind[.newYearsDay] == day(2026, 1, 1))
        #expect(byKind[.easterMonday] == day(2026, 4, 6))
        #expect(byKind[.kingsDay] == day(2026, 4, 27))
        #expect(byKind[.liberationDay] == day(2026, 5, 5))
        #expect(byKind[.ascensionDay] == day(2026, 5, 14))
        #expect(byKind[.whitMonday] == day(2026, 5, 25))
        #expect(byKind[.christmasDay] == day(2026, 12, 25))
        #expect(byKind[.boxingDay] == day(2026, 12, 26))
        #expect(holidays.map(\.day) == holidays.map(\.day).sorted())
    }

    @Test("King's Day moves to 26 April when the 27th is a Sunday (2025)")
    func kingsDay2025() {
        #expect(day(2025, 4, 27).isoWeekday == 7)
        #expect(calendar.holiday(on: day(2025, 4, 26))?.kind == .kingsDay)
        #expect(calendar.holiday(on: day(2025, 4, 27)) == nil)
    }

    @Test("which days are working days")
    func workingDays() {
        #expect(calendar.isWorkingDay(day(2026, 4, 3)))  // Good Friday is a working day
        #expect(!calendar.isWorkingDay(day(2026, 4, 6)))  // Easter Monday
        #expect(!calendar.isWorkingDay(day(2026, 5, 14)))  // Ascension Day
        #expect(!calendar.isWorkingDay(day(2026, 5, 25)))  // Whit Monday
        #expect(!calendar.isWorkingDay(day(2026, 5, 5)))  // Liberation Day, default off
        #expect(!calendar.isWorkingDay(day(2026, 3, 7)))  // Saturday
        #expect(!calendar.isWorkingDay(day(2026, 3, 8)))  // Sunday
        #expect(calendar.isWorkingDay(day(2026, 3, 9)))  // Monday
        let lustrumOnly = WorkingDayCalendar(liberationDay: .everyFifthYear)
        #expect(lustrumOnly.isWorkingDay(day(2026, 5, 5)))
        #expect(!lustrumOnly.isWorkingDay(day(2030, 5, 6).adding(days: -1)))  // 5 May 2030, a lustrum
        #expect(lustrumOnly.statutory.isWorkingDay(day(2026, 5, 5)) == false)
        let closedDay = WorkingDayCalendar(extraClosedDays: [day(2026, 12, 28)])
        #expect(!closedDay.isWorkingDay(day(2026, 12, 28)))
        #expect(closedDay.statutory.isWorkingDay(day(2026, 12, 28)))  // closing days do not extend terms
    }

    /// Defect: Good Friday was missing from the statutory calendar (Algemene termijnenwet art. 3).
    @Test("Good Friday counts for statutory terms; the desk may open or close")
    func goodFriday() {
        #expect(calendar.isWorkingDay(day(2026, 4, 3)))
        #expect(!calendar.statutory.isWorkingDay(day(2026, 4, 3)))
        #expect(calendar.statutory.holiday(on: day(2026, 4, 3))?.kind == .goodFriday)
        #expect(!WorkingDayCalendar(goodFridayIsDayOff: true).isWorkingDay(day(2026, 4, 3)))
    }

    @Test("instants are read in Amsterdam time, not UTC")
    func timeZone() {
        // 23:30 on Friday 3 April in Amsterdam is 21:30 UTC the same day; 00:30 Monday 6 April
        // (Easter Monday) is Sunday evening UTC.
        #expect(calendar.day(of: Fixtures.at(2026, 4, 3, 23, 30)) == day(2026, 4, 3))
        #expect(calendar.day(of: Fixtures.at(2026, 4, 6, 0, 30)) == day(2026, 4, 6))
        #expect(!calendar.isWorkingDay(Fixtures.at(2026, 4, 6, 0, 30)))
    }

    @Test("adding working days over a weekend")
    func overWeekend() {
        #expect(calendar.adding(workingDays: 1, to: day(2026, 3, 6)) == day(2026, 3, 9))
        #expect(calendar.adding(workingDays: 2, to: day(2026, 3, 7)) == day(2026, 3, 10))
        #expect(calendar.adding(workingDays: 5, to: day(2026, 3, 2)) == day(2026, 3, 9))
        #expect(calendar.adding(workingDays: 0, to: day(2026, 3, 7)) == day(2026, 3, 7))
        #expect(calendar.adding(workingDays: -1, to: day(2026, 3, 9)) == day(2026, 3, 6))
    }

    @Test("adding working days over Christmas and Easter")
    func overHolidays() {
        // Wed 24 Dec 2025 + 1 → Mon 29 Dec (25, 26 holidays, 27-28 weekend).
        #expect(calendar.adding(workingDays: 1, to: day(2025, 12, 24)) == day(2025, 12, 29))
        // Thu 24 Dec 2026 + 2 → Tue 29 Dec (Fri 25 and Sat 26 holidays, Sunday).
        #expect(calendar.adding(workingDays: 2, to: day(2026, 12, 24)) == day(2026, 12, 29))
        // Wed 31 Dec 2025 + 1 → Fri 2 Jan 2026 (New Year's Day).
        #expect(calendar.adding(workingDays: 1, to: day(2025, 12, 31)) == day(2026, 1, 2))
        // Thu 2 Apr 2026 + 2 → Tue 7 Apr (Good Friday counts, Easter Monday does not).
        #expect(calendar.adding(workingDays: 2, to: day(2026, 4, 2)) == day(2026, 4, 7))
    }

    @Test("adding to an instant keeps the wall-clock time across daylight saving time")
    func addingToInstant() {
        // Friday 27 March 2026 15:00 CET + 1 working day = Monday 30 March 15:00 CEST.
        let result = calendar.adding(workingDays: 1, to: Fixtures.at(2026, 3, 27, 15))
        #expect(result == Fixtures.at(2026, 3, 30, 15))
        #expect(result.timeIntervalSince(Fixtures.at(2026, 3, 27, 15)) == 3 * 86_400 - 3_600)
    }

    @Test("counting working days is the inverse of adding them")
    func counting() {
        #expect(calendar.workingDays(from: day(2026, 3, 2), to: day(2026, 3, 4)) == 2)
        #expect(calendar.workingDays(from: day(2026, 3, 6), to: day(2026, 3, 9)) == 1)
        #expect(calendar.workingDays(from: day(2025, 12, 24), to: day(2025, 12, 29)) == 1)
        #expect(calendar.workingDays(from: day(2026, 3, 9), to: day(2026, 3, 6)) == -1)
        #expect(calendar.workingDays(from: day(2026, 3, 4), to: day(2026, 3, 4)) == 0)
        #expect(calendar.workingDays(from: Fixtures.at(2026, 3, 2), to: Fixtures.at(2026, 3, 9)) == 5)
        var start = day(2025, 12, 1)
        for n in 0..<40 {
            #expect(calendar.workingDays(from: start, to: calendar.adding(workingDays: n, to: start)) == n)
            start = start.adding(days: 3)
        }
    }

    @Test("LocalDate arithmetic and parsing")
    func localDate() {
        #expect(LocalDate(dayNumber: 0) == day(1970, 1, 1))
        #expect(day(2026, 4, 6).isoWeekday == 1)
        #expect(day(2000, 2, 29).adding(days: 365) == day(2001, 2, 28))
        #expect(day(2026, 1, 1).days(to: day(2027, 1, 1)) == 365)
        #expect(LocalDate(year: 2026, month: 2, day: 29) == nil)
        #expect(LocalDate(iso: "2024-02-29") == day(2024, 2, 29))
        #expect(LocalDate(iso: "2024-2-29") == nil)
        #expect(LocalDate(iso: "2024-13-01") == nil)
        #expect(day(2026, 4, 6).description == "2026-04-06")
        #expect(day(2026, 4, 6).dutchFormatted == "06-04-2026")
        for n in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(LocalDate(dayNumber: n).dayNumber == n)
        }
    }
}

@Suite("Calendar settings")
struct CalendarSettingsTests {
    @Test("closing days, Liberation Day and Good Friday come from the settings")
    func fromSettings() throws {
        let calendar = try FrontDeskConfiguration.calendar(
            closedDays: "2026-12-24, 2026-12-31",
            liberationDay: "every-fifth-year",
            goodFridayClosed: "true"
        )
        #expect(calendar.extraClosedDays == [Fixtures.day(2026, 12, 24), Fixtures.day(2026, 12, 31)])
        #expect(calendar.liberationDay == .everyFifthYear)
        #expect(!calendar.isWorkingDay(Fixtures.day(2026, 4, 3)))
        #expect(try FrontDeskConfiguration.calendar(closedDays: "", liberationDay: "every-year", goodFridayClosed: "false").extraClosedDays.isEmpty)
    }

    @Test("a setting that cannot be read says which and how to fix it")
    func refused() {
        #expect(throws: FrontDeskConfiguration.Problem.closedDay("24-12-2026")) {
            try FrontDeskConfiguration.calendar(closedDays: "24-12-2026", liberationDay: "every-year", goodFridayClosed: "false")
        }
        #expect(throws: FrontDeskConfiguration.Problem.liberationDay("sometimes")) {
            try FrontDeskConfiguration.calendar(closedDays: "", liberationDay: "sometimes", goodFridayClosed: "false")
        }
        #expect(throws: FrontDeskConfiguration.Problem.goodFriday("ja")) {
            try FrontDeskConfiguration.calendar(closedDays: "", liberationDay: "every-year", goodFridayClosed: "ja")
        }
    }
}
