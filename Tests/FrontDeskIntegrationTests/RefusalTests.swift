import Contracts
import Foundation
import FrontDesk
import TestKit
import Testing

extension FrontDeskIntegration {
    /// Bad input is refused with a specific error and leaves nothing half-written; data of one
    /// municipality is invisible to staff of another (SPEC P6).
    @Suite
    struct RefusalTests {
        /// Rows that a pass-on writes, in one string for comparison.
        func written(_ fixture: FrontDeskFixture) async -> String {
            let tables = ["consents", "referrals", "request_routes", "outbox"]
            var counts: [String] = []
            for table in tables { counts.append("\(table)=\(await fixture.count("SELECT count(*) FROM \(table)"))") }
            return counts.joined(separator: " ")
        }

        @Test func passingOnWithoutConsentIsRefusedAndWritesNothing() async throws {
            let fixture = try await FrontDeskFixture.make("noconsent")
            try await fixture.run(consuming: false) {
                let person = try await fixture.registerPerson()
                let request = try await fixture.clarifiedRequest(for: person)
                let partner = fixture.partnerID
                await #expect(throws: FrontDeskError.consentMissing(partner: partner)) {
                    try await fixture.service.passOn(request.id, PassOnInput(partnerId: partner.rawValue, consentItems: nil), by: fixture.arnhemStaff)
                }
                await #expect(throws: FrontDeskError.consentMissing(partner: partner)) {
                    try await fixture.service.passOn(request.id, PassOnInput(partnerId: partner.rawValue, consentItems: []), by: fixture.arnhemStaff)
                }
                await #expect(throws: FrontDeskError.consentWithoutReachableItem) {
                    try await fixture.service.passOn(
                        request.id,
                        PassOnInput(partnerId: partner.rawValue, consentItems: [.name, .language]),
                        by: fixture.arnhemStaff
                    )
                }
                await #expect(throws: FrontDeskError.unknownPartner("nobody")) {
                    try await fixture.service.passOn(request.id, PassOnInput(partnerId: "nobody", consentItems: [.phone]), by: fixture.arnhemStaff)
                }
                #expect(await written(fixture) == "consents=0 referrals=0 request_routes=0 outbox=0")
                let details = try await fixture.service.requestDetails(request.id, by: fixture.arnhemStaff)
                #expect(details.request.status == .clarifying)
                #expect(try await fixture.partnerMessages(1, timeout: 0.5).isEmpty)
            }
        }

        @Test func anotherMunicipalitysPersonAndRequestAreInvisible() async throws {
            let fixture = try await FrontDeskFixture.make("municipality")
            try await fixture.run(consuming: false) {
                let person = try await fixture.registerPerson()
                let request = try await fixture.clarifiedRequest(for: person)
                let noor = fixture.nijmegenStaff
                await #expect(throws: FrontDeskError.personNotFound) {
                    try await fixture.service.person(person.id, context: "test", by: noor)
                }
                #expect(try await fixture.service.searchPersons(PersonSearch(bsn: person.bsn.rawValue), by: noor).isEmpty)
                await #expect(throws: FrontDeskError.personNotFound) {
                    try await fixture.service.receiveRequest(
                        RequestInput(personId: person.id, kind: .question, channel: .phone, source: .citizen, text: "Vraag"),
                        by: noor
                    )
                }
                await #expect(throws: FrontDeskError.requestNotFound) {
                    try await fixture.service.requestDetails(request.id, by: noor)
                }
                await #expect(throws: FrontDeskError.requestNotFound) {
                    try await fixture.service.passOn(
                        request.id,
                        PassOnInput(partnerId: fixture.partnerID.rawValue, consentItems: [.phone]),
                        by: noor
                    )
                }
                #expect(await written(fixture) == "consents=0 referrals=0 request_routes=0 outbox=0")
                #expect(await fixture.count("SELECT count(*) FROM requests") == 1)
                #expect(await fixture.count("SELECT count(*) FROM access_log WHERE staff LIKE 'noor.%'") == 0)
                // The same citizen may be registered separately in Nijmegen (tell once per municipality).
                let there = try await fixture.registerPerson(by: noor)
                #expect(there.id != person.id && there.municipality == .nijmegen)
            }
        }

        @Test func invalidInputNamesEveryFieldAndDuplicatesAreRefused() async throws {
            let fixture = try await FrontDeskFixture.make("input")
            try await fixture.run(consuming: false) {
                let input = PersonInput(
                    bsn: "123456789",
                    givenNames: "Jan",
                    familyName: "",
                    birthDate: "31-02-1950",
                    postcode: "1234",
                    email: "geen-mail"
                )
                do {
                    _ = try await fixture.service.registerPerson(input, by: fixture.arnhemStaff)
                    Issue.record("invalid person was registered")
                } catch let error as InputProblems {
                    #expect(Set(error.problems.compactMap(\.field)).isSuperset(of: ["bsn", "birthDate", "postcode", "email"]))
                }
                _ = try await fixture.registerPerson()
                await #expect(throws: FrontDeskError.personAlreadyRegistered) { try await fixture.registerPerson() }
                #expect(await fixture.count("SELECT count(*) FROM persons") == 1)
            }
        }
    }
}
