import Contracts
import Foundation
import Testing

@testable import FrontDesk

/// Defect: "Gesprek thuis bij <family name>" travelled verbatim to indication.
@Suite("Personal data in free text")
struct PersonalDataCheckTests {
    let person = Fixtures.person()

    func found(_ text: String) -> PersonalIdentifier? { PersonalDataCheck.identifier(in: text, of: person) }

    @Test("each of the person's identifiers is found")
    func found() {
        #expect(found("Gesprek thuis bij Berg, zoon helpt mee.") == .familyName)
        #expect(found("gesprek thuis bij familie BERG") == .familyName)
        #expect(found("Pieter wil graag wandelen.") == .givenName)
        #expect(found("Woont aan de Rijnkade, derde etage.") == .street)
        #expect(found("Postcode 6811 AB") == .postcode)
        #expect(found("postcode 6811ab") == .postcode)
        #expect(found("BSN 1234.56.782 gecontroleerd") == .bsn)
        #expect(found("Bel 026-1234567 na tienen") == .phone)
        #expect(found("Bel +31 26 123 45 67") == .phone)
        #expect(found("Mail jan@example.nl") == .email)
        #expect(found("Geboren 31-03-1948") == .birthDate)
        #expect(found("geboren op 31 maart 1948") == .birthDate)
        #expect(found("geboren 1948-03-31") == .birthDate)
    }

    @Test("text without identifiers passes; names match as whole words only")
    func passes() {
        #expect(found("Meneer zoekt contact met anderen in de wijk.") == nil)
        #expect(found("Hij wandelt graag in de bergen en op de Pietersberg.") == nil)
        #expect(found("Sinds januari 2026 alleen; 3 keer per week hulp.") == nil)
        #expect(found("") == nil)
    }

    @Test("the refusal names the item and the field")
    func refusal() throws {
        let problem = try #require(
            PersonalDataCheck.problem(in: "Thuis bij Berg", field: "findings", label: "De bevindingen", of: person)
        )
        #expect(problem == .personalDataInText(field: "findings", label: "De bevindingen", item: .familyName))
        #expect(problem.field == "findings")
        #expect(problem.message.contains("de achternaam"))
        #expect(problem.httpStatus == 422)
    }
}
