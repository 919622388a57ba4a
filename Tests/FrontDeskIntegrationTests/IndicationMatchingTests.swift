import Contracts
import Foundation
import FrontDesk
import TestKit
import Testing
import WorkingDays

extension FrontDeskIntegration {
    /// The indication and matching routes round trip: the desk asks (by subjectRef, no identity),
    /// a test double answers with real messages, the desk shows the outcome on the request and
    /// renders the decision letter from its own person registry.
    @Suite
    struct IndicationMatchingTests {
        @Test func indicationRequestedDecidedAndTheLetterAddressedByTheDesk() async throws {
            let fixture = try await FrontDeskFixture.make("indication")
            try await fixture.run {
                let person = try await fixture.registerPerson()
                let request = try await fixture.clarifiedRequest(for: person, kind: .application)
                _ = try await fixture.service.recordConversation(
                    request.id,
                    ConversationInput(
                        place: .home,
                        participants: [.init(role: .citizen, name: "Jan Pieter van der Berg")],
                        ownStrength: "Dochter doet de boodschappen.",
                        needed: "Hulp bij het schoonmaken."
                    ),
                    by: fixture.arnhemStaff
                )
                _ = try await fixture.service.requestIndication(request.id, IndicationInput(), by: fixture.arnhemStaff)

                let asked = try #require(try await fixture.observedEvents(1, about: request.id).first)
                let indication = try ContractJSON.decoder().decode(Envelope<IndicationRequested>.self, from: asked.body).payload
                #expect(indication.subjectRef == person.subjectRef)
                #expect(indication.findings.contains("Dochter doet de boodschappen."))
                #expect(indication.household == HouseholdSummary(adults: 1, children: 0, informalCarers: 0))
                let text = String(decoding: asked.body, as: UTF8.self)
                #expect(!text.contains(person.bsn.rawValue) && !text.contains("Berg") && !text.contains("Rijnkade"))

                // Before a decision nothing can be reported insufficient.
                await #expect(throws: FrontDeskError.noDecisionYet) {
                    try await fixture.service.reportArrangementInsufficient(
                        request.id,
                        reportedBy: "Wijkteam Arnhem-Oost",
                        reason: "Te weinig uren",
                        by: fixture.arnhemStaff
                    )
                }
                let decisionID = UUID()
                let decision = IndicationDecided(
                    decisionId: decisionID,
                    requestId: request.id,
                    subjectRef: person.subjectRef,
                    decidedAt: TestClock.at(2026, 3, 10),
                    decidedBy: "indicatie-test",
                    lines: [
                        DecisionLine(
                            category: .householdHelp,
                            granted: true,
                            grounds: "Eigen kracht en netwerk volstaan niet.",
                            form: .inKind,
                            volume: 3,
                            unit: "uur per week",
                            validFrom: TestClock.at(2026, 3, 16),
                            validUntil: TestClock.at(2027, 3, 15)
                        )
                    ]
                )
                try await fixture.publish(decision, correlationId: request.id, producer: "indication")
                try await eventually("decision stored") { await fixture.count("SELECT count(*) FROM decisions") == 1 }
                let details = try await fixture.service.requestDetails(request.id, by: fixture.arnhemStaff)
                #expect(details.request.routes.first { $0.kind == .indication }?.state == .completed)
                #expect(details.decisions.map(\.decisionId) == [decisionID])
                #expect(details.deadlines.first { $0.kind == .decision }?.metOn != nil)

                let letter = try await fixture.service.decisionLetter(decisionID, by: fixture.arnhemStaff)
                #expect(letter.addressee == "Jan Pieter van der Berg")
                #expect(letter.addressLines == ["Rijnkade 12A", "6811 AB  ARNHEM"])
                #expect(letter.lines.first?.provision == "Hulp bij het huishouden")
                #expect(letter.lines.first?.extent == "3 uur per week")
                #expect(letter.objectionDeadline == LocalDate(year: 2026, month: 4, day: 21))
                #expect(letter.objectionText.contains("6 weken"))
                await #expect(throws: FrontDeskError.decisionNotFound) {
                    try await fixture.service.decisionLetter(decisionID, by: fixture.nijmegenStaff)
                }

                // A neighbourhood team reports the arrangement no longer suffices: the report
                // leaves the desk without the person's name, and naming them is refused.
                do {
                    _ = try await fixture.service.reportArrangementInsufficient(
                        request.id,
                        reportedBy: "Wijkteam Arnhem-Oost",
                        reason: "Meneer Van der Berg redt het niet met 3 uur",
                        by: fixture.arnhemStaff
                    )
                    Issue.record("a reason naming the person was sent")
                } catch let error as FrontDeskError {
                    #expect(error.field == "reason" && error.code == "personal-data-in-text", "\(error)")
                }
                _ = try await fixture.service.reportArrangementInsufficient(
                    request.id,
                    reportedBy: "Wijkteam Arnhem-Oost",
                    reason: "Na een val zijn 3 uur per week niet meer genoeg.",
                    by: fixture.arnhemStaff
                )
                let reported = try #require(
                    try await fixture.observedEvents(1, about: request.id).first { $0.routingKey == ArrangementInsufficient.messageType }
                )
                let report = try ContractJSON.decoder().decode(Envelope<ArrangementInsufficient>.self, from: reported.body).payload
                #expect(report.subjectRef == person.subjectRef && report.reportedBy == "Wijkteam Arnhem-Oost")
                #expect(!String(decoding: reported.body, as: UTF8.self).contains("Berg"))
            }
        }

        @Test func matchingMatchedAndFailedShowOnTheRequest() async throws {
            let fixture = try await FrontDeskFixture.make("matching")
            try await fixture.run {
                let person = try await fixture.registerPerson()
                let first = try await fixture.clarifiedRequest(for: person)
                let second = try await fixture.clarifiedRequest(for: person)
                // Time windows and a duration are checked at the desk, before anything is sent.
                await #expect(throws: FrontDeskError.invalidTimeWindow("monday-night")) {
                    _ = try await fixture.service.requestMatching(
                        first.id,
                        MatchingInput(task: .visiting, timeWindows: ["monday-night"]),
                        by: fixture.arnhemStaff
                    )
                }
                await #expect(throws: FrontDeskError.invalidDuration) {
                    _ = try await fixture.service.requestMatching(first.id, MatchingInput(task: .visiting, durationWeeks: 0), by: fixture.arnhemStaff)
                }
                let windows = MatchingInput(task: .visiting, timeWindows: ["thursday-afternoon", "monday-morning"], durationWeeks: 12)
                _ = try await fixture.service.requestMatching(first.id, windows, by: fixture.arnhemStaff)
                _ = try await fixture.service.requestMatching(second.id, MatchingInput(task: .visiting), by: fixture.arnhemStaff)
                let asked = try await fixture.observedEvents(2, about: first.id)
                let matching = try ContractJSON.decoder().decode(Envelope<MatchingRequested>.self, from: try #require(asked.first).body)
                #expect(matching.payload.subjectRef == person.subjectRef)
                #expect(matching.payload.district == "Centrum")
                #expect(matching.payload.timeWindows == ["monday-morning", "thursday-afternoon"] && matching.payload.durationWeeks == 12)

                let matchedMessage = try await fixture.publish(
                    MatchingMatched(
                        requestId: first.id,
                        subjectRef: person.subjectRef,
                        matchId: UUID(),
                        task: .visiting,
                        volunteerDisplayName: "Els"
                    ),
                    correlationId: first.id,
                    producer: "matching"
                )
                let failedMessage = try await fixture.publish(
                    MatchingFailed(requestId: second.id, subjectRef: person.subjectRef, reason: "Geen vrijwilliger in de wijk."),
                    correlationId: second.id,
                    producer: "matching"
                )
                try await eventually("both outcomes applied") { await fixture.inbox([matchedMessage, failedMessage]) == 2 }
                let matched = try await fixture.service.requestDetails(first.id, by: fixture.arnhemStaff).request.routes[0]
                #expect(matched.state == .completed)
                #expect(matched.note?.contains("Els") == true)
                let failed = try await fixture.service.requestDetails(second.id, by: fixture.arnhemStaff).request.routes[0]
                #expect(failed.state == .failed)
                #expect(failed.note?.contains("Geen vrijwilliger") == true)
            }
        }

        @Test func aPanelInvitationIsSentThroughThePreferredChannel() async throws {
            let fixture = try await FrontDeskFixture.make("panel")
            try await fixture.run {
                let person = try await fixture.registerPerson()
                let invitation = PanelInvitationRequested(
                    invitationId: UUID(),
                    subjectRef: person.subjectRef,
                    surveyTitle: "Cliëntervaringsonderzoek Wmo 2026",
                    surveyLink: "https://panel.example.nl/s/abc"
                )
                let first = try await fixture.publish(invitation, correlationId: UUID(), producer: "citizen-panel")
                let again = try await fixture.publish(invitation, correlationId: UUID(), producer: "citizen-panel")
                try await eventually("letter written") { await fixture.count("SELECT count(*) FROM outgoing_letters") == 1 }
                let letters = try await fixture.pool.withTransaction { tx in try LetterRepository.letters(personID: person.id, in: tx) }
                #expect(letters.map(\.channel) == [.email])
                #expect(letters.first?.recipient == "jan@example.nl")
                #expect(letters.first?.body.contains("https://panel.example.nl/s/abc") == true)
                try await eventually("second request applied too") { await fixture.inbox([first, again]) == 2 }
                #expect(await fixture.count("SELECT count(*) FROM outgoing_letters") == 1)
            }
        }

        @Test func anOverburdenedCarerIsOnTheWorkListUntilSomeoneReachedOut() async throws {
            let fixture = try await FrontDeskFixture.make("carer")
            try await fixture.run {
                let person = try await fixture.registerPerson()
                let client = UUID()
                let stranger = UUID()
                let flagged = try await fixture.publish(
                    CarerOverburdened(carerId: client, caredFor: person.subjectRef, burden: 8, hoursPerWeek: 30, district: "Centrum"),
                    correlationId: client,
                    producer: "matching"
                )
                let unknown = try await fixture.publish(
                    CarerOverburdened(carerId: stranger, caredFor: SubjectRef(UUID()), burden: 9, hoursPerWeek: 40, district: "Noord"),
                    correlationId: stranger,
                    producer: "matching"
                )
                try await eventually("both flags applied") { await fixture.inbox([flagged, unknown]) == 2 }
                let open = try await fixture.service.carerOutreach(by: fixture.arnhemStaff)
                // Heaviest first; the desk's client by name, the unknown one without a person.
                #expect(open.map(\.carerID) == [stranger, client])
                #expect(open[0].personID == nil && open[0].caredForName == nil)
                #expect(open[1].personID == person.id)
                #expect(open[1].caredForName == person.displayName)
                #expect(await fixture.count("SELECT count(*) FROM access_log WHERE action = 'view-work-list' AND person_id = '\(person.id)'") == 1)

                #expect(try await fixture.service.markCarerOutreachHandled(client, by: fixture.arnhemStaff))
                #expect(try await fixture.service.markCarerOutreachHandled(client, by: fixture.arnhemStaff) == false)
                #expect(try await fixture.service.carerOutreach(by: fixture.arnhemStaff).map(\.carerID) == [stranger])

                // Flagged again later (the burden rose anew): open again, with the new score.
                let again = try await fixture.publish(
                    CarerOverburdened(carerId: client, caredFor: person.subjectRef, burden: 9, hoursPerWeek: 35, district: "Centrum"),
                    correlationId: client,
                    producer: "matching"
                )
                try await eventually("the new flag applied") { await fixture.inbox([again]) == 1 }
                let reopened = try await fixture.service.carerOutreach(by: fixture.arnhemStaff)
                #expect(Set(reopened.map(\.carerID)) == Set([client, stranger]))
                #expect(reopened.first { $0.carerID == client }?.burden == 9)
            }
        }
    }
}
