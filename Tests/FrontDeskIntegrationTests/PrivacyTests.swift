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

        /// Every event the desk emits to other services (indication, matching, close) over two
        /// requests with a conversation: none names the person; an unclarified request and
        /// free text that names the person never leave.
        @Test func noEventOnTheChainNamesThePerson() async throws {
            let fixture = try await FrontDeskFixture.make("privacy_events")
            try await fixture.run(consuming: false) {
                let person = try await fixture.registerPerson(bsn: "111222333")
                let staff = fixture.arnhemStaff
                let first = try await fixture.clarifiedRequest(for: person)
                // Defect: findings that name the person travelled verbatim.
                await #expect(
                    throws: FrontDeskError.personalDataInText(field: "needed", label: "‘Wat is nodig’", item: .familyName)
                ) {
                    try await fixture.service.recordConversation(
                        first.id,
                        ConversationInput(
                            place: .home,
                            participants: [.init(role: .citizen, name: "Jan Pieter van der Berg")],
                            needed: "Gesprek thuis bij Berg: hulp bij het huishouden."
                        ),
                        by: staff
                    )
                }
                _ = try await fixture.service.recordConversation(
                    first.id,
                    ConversationInput(
                        place: .home,
                        participants: [.init(role: .citizen, name: "Jan Pieter van der Berg")],
                        ownStrength: "Dochter helpt op zaterdag.",
                        needed: "Hulp bij het huishouden, twee uur per week.",
                        intendedResult: "Een schoon en veilig huis."
                    ),
                    by: staff
                )
                await #expect(throws: FrontDeskError.personalDataInText(field: "findings", label: "De bevindingen", item: .street)) {
                    try await fixture.service.requestIndication(first.id, IndicationInput(findings: "Woont aan de Rijnkade."), by: staff)
                }
                _ = try await fixture.service.requestIndication(first.id, IndicationInput(), by: staff)
                _ = try await fixture.service.requestMatching(first.id, MatchingInput(task: .shopping), by: staff)
                _ = try await fixture.service.closeRequest(first.id, CloseInput(outcome: .resolved, reason: "Afgerond"), by: staff)

                // A second request, never clarified: its words go nowhere.
                let second = try await fixture.service.receiveRequest(
                    RequestInput(personId: person.id, kind: .notification, channel: .phone, source: .citizen, text: "Ik red het niet meer alleen"),
                    by: staff
                )
                // Being clarified (life domains chosen) but without a clarified question.
                _ = try await fixture.service.clarify(second.id, ClarifyInput(categories: [.socialNetwork]), by: staff)
                for attempt in [
                    { _ = try await fixture.service.requestIndication(second.id, IndicationInput(), by: staff) },
                    { _ = try await fixture.service.requestMatching(second.id, MatchingInput(task: .visiting), by: staff) },
                    {
                        _ = try await fixture.service.passOn(
                            second.id,
                            PassOnInput(partnerId: fixture.partnerID.rawValue, consentItems: [.phone]),
                            by: staff
                        )
                    },
                ] as [@Sendable () async throws -> Void] {
                    await #expect(throws: FrontDeskError.questionNotClarified) { try await attempt() }
                }

                let events = try await fixture.observedEvents(3, about: first.id)
                #expect(
                    Set(events.compactMap(\.properties.type)) == [
                        IndicationRequested.messageType, MatchingRequested.messageType, RequestClosed.messageType,
                    ]
                )
                #expect(try await fixture.observedEvents(1, about: second.id, timeout: 1).isEmpty)
                let forbidden = [
                    person.bsn.rawValue, "111.22.333", "Jan", "Pieter", "Berg", "1948-03-31", "31-03-1948", "Rijnkade",
                    "6811", "026 123 45 67", "jan@example.nl", "Marieke", "Ik red het niet meer alleen",
                    person.id.uuidString.lowercased(),
                ]
                for event in events {
                    let text = String(decoding: event.body, as: UTF8.self)
                    for secret in forbidden {
                        #expect(!text.contains(secret), "\(event.properties.type ?? "?") leaks \(secret)")
                    }
                }
            }
        }

        @Test func everyReadOfAPersonIsLoggedAndTheLogIsAppendOnly() async throws {
            let fixture = try await FrontDeskFixture.make("accesslog")
            try await fixture.run(consuming: false) {
                let person = try await fixture.registerPerson()
                let request = try await fixture.clarifiedRequest(for: person)
                _ = try await fixture.service.person(person.id, context: "balie", by: fixture.arnhemStaff)
                _ = try await fixture.service.searchPersons(
                    PersonSearch(bsn: "123456782", reason: .intake, reasonText: "telefoon"),
                    by: fixture.arnhemStaff
                )
                _ = try await fixture.service.requestDetails(request.id, by: fixture.arnhemStaff)
                // Defect: routing, closing, suggestions and the log itself were reads without a trace.
                _ = try await fixture.service.suggestions(for: request.id, by: fixture.arnhemStaff)
                _ = try await fixture.service.requestIndication(request.id, IndicationInput(findings: "Zoekt contact."), by: fixture.arnhemStaff)
                _ = try await fixture.service.closeRequest(
                    request.id,
                    CloseInput(outcome: .resolved, reason: "Afgerond bij indicatie"),
                    by: fixture.arnhemStaff
                )
                _ = try await fixture.service.workList(WorkListQuery(), by: fixture.arnhemStaff)
                let entries = try await fixture.service.accessLog(
                    person: person.id,
                    reason: .citizenRequest,
                    reasonText: "inzageverzoek per brief",
                    by: fixture.arnhemStaff
                )
                #expect(
                    Set(entries.map(\.action)) == [
                        "register", "view-person", "search-result", "view-request", "suggestions", "route-request",
                        "close-request", "view-access-log",
                    ]
                )
                #expect(entries.allSatisfy { $0.staff == fixture.arnhemStaff.id.rawValue })
                #expect(entries.contains { $0.reason == "intake" && $0.reasonText == "telefoon" })
                // Reading the log is in the log, with its reason from the fixed list.
                #expect(entries.first?.action == "view-access-log")
                #expect(entries.first?.reason == "citizen-request")
                #expect(entries.first?.reasonText == "inzageverzoek per brief")

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
