import Contracts
import Foundation
import FrontDesk
import Storage
import TestKit
import Testing

extension FrontDeskIntegration {
    /// SPEC P1 and P7: the request travels, not the person. Everything the desk publishes to a
    /// partner is read back from the partner's queue and searched for the BSN and for every item
    /// the citizen did not consent to; every read of a person's data is in the access log, which
    /// cannot be changed.
    @Suite
    struct PrivacyTests {
        @Test func noMessageToAPartnerCarriesTheBSNOrAnythingNotConsented() async throws {
            let fixture = try await FrontDeskFixture.make("privacy")
            try await fixture.run {
                let person = try await fixture.registerPerson(bsn: "111222333")
                let request = try await fixture.clarifiedRequest(for: person)
                let first = try await fixture.service.passOn(
                    request.id,
                    PassOnInput(partnerId: fixture.partnerID.rawValue, consentItems: [.phone]),
                    by: fixture.arnhemStaff
                )
                _ = try await fixture.service.withdrawConsent(first.consent.id, by: fixture.arnhemStaff)
                // Passed on again with a wider consent: still only what was consented.
                _ = try await fixture.service.passOn(
                    request.id,
                    PassOnInput(partnerId: fixture.partnerID.rawValue, consentItems: [.email, .language]),
                    by: fixture.arnhemStaff
                )

                let messages = try await fixture.partnerMessages(3)
                #expect(messages.count == 3)
                let forbiddenEverywhere = [
                    person.bsn.rawValue, "111.22.333", person.subjectRef.description, person.id.uuidString.lowercased(),
                    "1948-03-31", "31-03-1948", "Marieke", "06-12345678", "Rijnkade", "6811 AB", "Ik red het niet meer alleen",
                ]
                for message in messages {
                    let text = String(decoding: message.body, as: UTF8.self)
                    for secret in forbiddenEverywhere {
                        #expect(!text.contains(secret), "\(message.properties.type ?? "?") leaks \(secret)")
                    }
                    #expect(!text.lowercased().contains("bsn"))
                }
                let passedOn = try messages.filter { $0.properties.type == RequestPassedOn.messageType }.map {
                    try ContractJSON.decoder().decode(Envelope<RequestPassedOn>.self, from: $0.body).payload
                }
                #expect(passedOn.count == 2)
                #expect(passedOn[0].contact == ConsentedContact(phone: "026 123 45 67"))
                #expect(passedOn[1].contact == ConsentedContact(email: "jan@example.nl", language: "nl"))
                for payload in passedOn {
                    let text = String(decoding: try ContractJSON.encoder().encode(payload), as: UTF8.self)
                    if payload.contact.phone == nil { #expect(!text.contains("026 123 45 67")) }
                    if payload.contact.email == nil { #expect(!text.contains("jan@example.nl")) }
                    #expect(!text.contains("Berg"), "name was not consented")
                }
            }
        }

        @Test func everyReadOfAPersonIsLoggedAndTheLogIsAppendOnly() async throws {
            let fixture = try await FrontDeskFixture.make("accesslog")
            try await fixture.run(consuming: false) {
                let person = try await fixture.registerPerson()
                let request = try await fixture.clarifiedRequest(for: person)
                _ = try await fixture.service.person(person.id, context: "balie", by: fixture.arnhemStaff)
                _ = try await fixture.service.searchPersons(PersonSearch(bsn: "123456782", reason: "telefoon"), by: fixture.arnhemStaff)
                _ = try await fixture.service.requestDetails(request.id, by: fixture.arnhemStaff)
                let entries = try await fixture.service.accessLog(person: person.id, by: fixture.arnhemStaff)
                #expect(Set(entries.map(\.action)) == ["register", "view-person", "search-result", "view-request"])
                #expect(entries.allSatisfy { $0.staff == fixture.arnhemStaff.id.rawValue })
                #expect(entries.contains { $0.context == "zoeken: telefoon" })

                for statement in ["UPDATE access_log SET staff = 'x'", "DELETE FROM access_log", "TRUNCATE access_log"] {
                    await #expect(throws: StorageError.self) {
                        try await fixture.pool.withConnection { try $0.executeSimple(statement) }
                    }
                }
                #expect(await fixture.count("SELECT count(*) FROM access_log") == entries.count)
            }
        }
    }
}
