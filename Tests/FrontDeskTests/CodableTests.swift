import Contracts
import Foundation
import Testing
import WorkingDays

@testable import FrontDesk

@Suite("JSON shapes")
struct CodableTests {
    @Test("identifiers, dates and postcodes encode as plain strings")
    func plainStrings() throws {
        struct Sample: Codable, Equatable {
            var staff: StaffID
            var partner: PartnerID
            var team: TeamID
            var day: LocalDate
            var postcode: Postcode
        }
        let sample = Sample(
            staff: "anna",
            partner: "mee",
            team: "team-noord",
            day: Fixtures.day(2026, 4, 6),
            postcode: try Postcode("6811ab")
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let text = String(decoding: try encoder.encode(sample), as: UTF8.self)
        #expect(text == #"{"day":"2026-04-06","partner":"mee","postcode":"6811 AB","staff":"anna","team":"team-noord"}"#)
        #expect(try JSONDecoder().decode(Sample.self, from: Data(text.utf8)) == sample)
    }

    @Test("a request with routes survives a round trip")
    func requestRoundTrip() throws {
        var request = Fixtures.clarifyingRequest()
        try request.takeRoute(.passedOn, partner: Fixtures.mee, at: Fixtures.at(2026, 3, 2, 11))
        let data = try JSONEncoder().encode(request)
        #expect(try JSONDecoder().decode(HelpRequest.self, from: data) == request)
        #expect(String(decoding: data, as: UTF8.self).contains(#""kind":"passed-on""#))
    }

    @Test("a person survives a round trip")
    func personRoundTrip() throws {
        let person = Fixtures.person()
        let data = try JSONEncoder().encode(person)
        #expect(try JSONDecoder().decode(Person.self, from: data) == person)
    }
}

@Suite("Date input")
struct DateInputTests {
    @Test("ISO and Dutch forms are accepted", arguments: ["1950-03-31", "31-03-1950", "31-3-1950", "31/03/1950", " 31.03.1950 "])
    func accepted(_ text: String) throws {
        #expect(try LocalDate.parse(text, field: "birthDate", label: "Geboortedatum") == Fixtures.day(1950, 3, 31))
    }

    @Test("anything else names the field", arguments: ["31-02-1950", "1950-3-31", "31-03-50", "gisteren", ""])
    func refused(_ text: String) {
        #expect(throws: FrontDeskError.invalidDate(field: "birthDate", label: "Geboortedatum")) {
            try LocalDate.parse(text, field: "birthDate", label: "Geboortedatum")
        }
    }
}
