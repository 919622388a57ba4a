import Contracts
import Foundation
import WorkingDays

@testable import FrontDesk

/// Shared helpers for the front-desk domain tests.
enum Fixtures {
    /// The calendar all tests use (Europe/Amsterdam, Liberation Day off).
    static let calendar = WorkingDayCalendar()

    /// A day; crashes on an impossible date, which is a bug in the test.
    static func day(_ year: Int, _ month: Int, _ day: Int) -> LocalDate {
        LocalDate(year: year, month: month, day: day)!
    }

    /// An instant at a wall-clock time in Europe/Amsterdam.
    static func at(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 10, _ minute: Int = 0) -> Date {
        calendar.calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))!
    }

    static let anna: StaffID = "anna"
    static let bram: StaffID = "bram"
    static let teamNoord: TeamID = "team-noord"
    static let teamZuid: TeamID = "team-zuid"
    static let mee: PartnerID = "mee-gelderse-poort"
    static let rijnstad: PartnerID = "rijnstad"

    /// A complete, valid person in Arnhem.
    static func person(
        id: UUID = UUID(),
        municipality: MunicipalityCode = .arnhem,
        district: String? = "Presikhaaf"
    ) -> Person {
        Person(
            id: id,
            municipality: municipality,
            bsn: try! BSN("123456782"),
            givenNames: "Jan Pieter",
            familyNamePrefix: "van der",
            familyName: "Berg",
            birthDate: day(1948, 3, 31),
            address: Address(street: "Rijnkade", houseNumber: 12, houseNumberAddition: "A", postcode: try! Postcode("6811 AB"), city: "Arnhem"),
            district: district,
            core: "Arnhem",
            phone: "026 123 45 67",
            email: "jan@example.nl",
            preferredChannel: .phone,
            language: "nl",
            needsInterpreter: false,
            representative: Representative(name: "Marieke de Vries", contact: "06-12345678", role: "mentor")
        )
    }

    /// A request in `clarifying` with the given categories.
    /// With `question` (default one) it is clarified and can take a route.
    static func clarifyingRequest(
        kind: RequestKind = .notification,
        categories: [LifeDomain] = [.socialNetwork, .basicADL],
        personID: UUID? = UUID(),
        question: String? = "Meneer zoekt contact met anderen in de wijk.",
        at time: Date = at(2026, 3, 2)
    ) -> HelpRequest {
        var request = try! HelpRequest.receive(
            municipality: .arnhem,
            personID: personID,
            kind: kind,
            channel: .counter,
            source: .citizen,
            categories: categories,
            text: "Ik red het niet meer alleen thuis en voel me eenzaam.",
            at: time
        )
        try! request.startClarifying(by: anna, at: time)
        if let question { try! request.clarify(question: question, at: time) }
        return request
    }
}
