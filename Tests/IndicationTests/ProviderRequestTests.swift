import Contracts
import Foundation
import Indication
import Testing
import WorkingDays

/// A provider's request (iWmo WMO315/317): its terms and the answers it may get.
@Suite("Provider requests")
struct ProviderRequestTests {
    static let calendar = WorkingDayCalendar()

    /// Received on `day` at noon in Amsterdam.
    static func request(receivedOn day: LocalDate = LocalDate(year: 2026, month: 12, day: 18)!) -> ProviderRequest {
        ProviderRequest(
            kind: .allocation,
            messageID: UUID(),
            provider: OrganisationKey(municipality: .arnhem, id: "rijnstad"),
            caseID: UUID(),
            subjectRef: SubjectRef(),
            category: .personalCare,
            volume: 2,
            unit: "hours-per-week",
            validFrom: day,
            validUntil: nil,
            reason: "Wassen lukt niet meer",
            providerReference: nil,
            receivedAt: calendar.startOfDay(day).addingTimeInterval(12 * 3600),
            calendar: calendar
        )
    }

    @Test func theAnswerIsDueInFiveWorkingDaysSkippingChristmas() {
        // Friday 18 December 2026: Christmas and Boxing Day (Fri/Sat) and the weekend pass.
        let request = Self.request()
        #expect(request.answerDue.description == "2026-12-28")
        #expect(!request.isOverdue(on: LocalDate(year: 2026, month: 12, day: 28)!))
        #expect(request.isOverdue(on: LocalDate(year: 2026, month: 12, day: 29)!))
    }

    @Test func anInvestigationEndsEightWeeksAfterReceiptAndComesOnce() throws {
        var request = Self.request()
        try request.investigate(at: Date(), calendar: Self.calendar)
        #expect(request.status == .underInvestigation && request.investigationDue?.description == "2027-02-12")
        #expect(request.due == request.investigationDue)
        #expect(throws: IndicationError.providerRequestAnswered) { try request.investigate(at: Date(), calendar: Self.calendar) }
    }

    @Test func aRefusalNeedsAnExplanationAndIsFinal() throws {
        var request = Self.request()
        #expect(throws: IndicationError.missingField(field: "explanation", label: "Toelichting")) { try request.refuse("  ", at: Date()) }
        try request.refuse("De huidige uren volstaan", at: Date())
        #expect(request.status == .refused && !request.isOpen && request.due == nil)
        #expect(throws: IndicationError.providerRequestAnswered) { try request.accept(asLine: UUID(), explanation: nil, at: Date()) }
    }

    @Test func anAcceptedRequestBecomesAnIndividualProvisionWithTheProvidersReason() throws {
        var request = Self.request()
        #expect(throws: IndicationError.fieldTooLong(field: "explanation", label: "Toelichting", maxLength: 1500)) {
            try request.accept(asLine: UUID(), explanation: String(repeating: "x", count: 1501), at: Date())
        }
        let line = try request.arrangementLine()
        try request.accept(asLine: line.id, explanation: "Bevestigd na telefonisch contact", at: Date())
        #expect(request.status == .accepted && request.lineID == line.id && request.isOpen)
        #expect(line.layer == .individualProvision && line.category == .personalCare && line.volume == 2 && line.unit == .hoursPerWeek)
        #expect(line.whyEarlierLayersDoNotSuffice?.contains("Wassen lukt niet meer") == true, "P4 holds for a provider's request too")
    }
}
