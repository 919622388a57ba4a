import Contracts
import Foundation
import Matching
import Testing
import WorkingDays

@Suite struct TimeoutTests {
    let calendar = WorkingDayCalendar()

    @Test func aRequestWaitsTenWorkingDaysThenIsOverdue() {
        // Monday 7 December 2026: ten working days later is Monday 21 December.
        let failOn = SupportRequest.failOn(receivedOn: Examples.today, urgency: .normal, workingDays: 10, calendar: calendar)
        #expect(failOn == LocalDate(year: 2026, month: 12, day: 21)!)
        var request = Examples.request()
        request = SupportRequest(
            municipality: request.municipality,
            origin: request.origin,
            requestId: request.requestId,
            subjectRef: request.subjectRef,
            task: request.task,
            place: request.place,
            district: request.district,
            question: request.question,
            certificateRequired: false,
            urgency: .normal,
            receivedAt: request.receivedAt,
            failOn: failOn
        )
        #expect(!request.isOverdue(on: failOn))
        #expect(request.isOverdue(on: failOn.adding(days: 1)))
        request.status = .matched
        #expect(!request.isOverdue(on: failOn.adding(days: 1)), "a matched request never fails")
    }

    @Test func theTermSkipsChristmasAndACrisisGetsOneWorkingDay() {
        // Thursday 24 December: 25 and 26 December and the weekend are not working days.
        let christmasEve = LocalDate(year: 2026, month: 12, day: 24)!
        #expect(
            SupportRequest.failOn(receivedOn: christmasEve, urgency: .crisis, workingDays: 10, calendar: calendar)
                == LocalDate(year: 2026, month: 12, day: 28)!
        )
    }
}
