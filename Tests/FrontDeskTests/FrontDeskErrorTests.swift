import Foundation
import Testing
import WorkingDays

@testable import FrontDesk

@Suite("FrontDeskError")
struct FrontDeskErrorTests {
    static let samples: [FrontDeskError] = [
        .invalidBSN(.elevenTestFailed), .invalidPostcode("x"), .missingField(field: "f", label: "Veld"),
        .fieldTooLong(field: "f", label: "Veld", maxLength: 1, actualLength: 2), .invalidEmail(field: "email"),
        .invalidPhone(field: "phone"), .invalidHouseNumber, .invalidBirthDate(.inFuture),
        .invalidDate(field: "d", label: "Datum"), .preferredChannelUnreachable(.sms), .memberAlreadyInHousehold,
        .principalAlreadySet, .coordinatorAlreadyAssigned(current: "anna"), .noCoordinator, .handOverToSameCoordinator,
        .activePlanExists, .noActivePlan, .invalidTransition(from: .received, to: .routed),
        .invalidRouteTransition(kind: .matching, from: .completed, to: .open),
        .routeAlreadyOpen(kind: .indication, partner: nil), .routeNotFound(UUID()), .routesStillOpen([.matching]),
        .noCategories, .invalidReferralTransition(from: .declined, to: .accepted), .consentMissing(partner: "p"),
        .consentWithdrawn(partner: "p", on: LocalDate(year: 2026, month: 1, day: 2)!),
        .consentNotForPartner(consentPartner: "a", requestedPartner: "b"), .consentNotForRequest, .consentNotForPerson,
        .consentWithoutReachableItem, .consentAlreadyWithdrawn, .unknownPartner("p"),
        .partnerCannotReceiveReferrals("p"), .otherMunicipality, .questionNotClarified,
        .personalDataInText(field: "findings", label: "De bevindingen", item: .familyName), .consentItemWithoutValue(.phone),
        .notAComplaint, .invalidCharacters(field: "name", label: "Naam"), .invalidTimeWindow("monday-night"), .invalidDuration,
    ]

    /// Found by schemathesis: a NUL in a participant's name reached PostgreSQL and gave a 500.
    @Test("control characters in free text are refused next to the field")
    func controlCharacters() {
        #expect(FieldRules.text("Jan\u{0}", field: "name", label: "Naam", max: 100) == [.invalidCharacters(field: "name", label: "Naam")])
        #expect(FieldRules.text("a\u{1B}[31m", field: "name", label: "Naam", max: 100).count == 1)
        #expect(FieldRules.text("regel 1\nregel 2\ttab", field: "note", label: "Notitie", max: 100).isEmpty)
    }

    @Test("codes are unique, kebab-case English; statuses are 404, 409 or 422")
    func codes() {
        let codes = Self.samples.map(\.code)
        #expect(Set(codes).count == codes.count)
        for error in Self.samples {
            #expect(error.code.allSatisfy { $0.isLowercase || $0 == "-" })
            #expect([404, 409, 422].contains(error.httpStatus))
            #expect(error.message.count > 20)
            #expect(error.message.hasSuffix(".") || error.message.hasSuffix(")"))
            #expect(error.description.hasPrefix(error.code))
        }
    }
}
