import Contracts
import Foundation
import FrontDesk
import Messaging
import TestKit
import Testing
import WorkingDays

extension FrontDeskIntegration {
    /// The warm referral end to end over the real broker and database: the desk passes a request
    /// on, the partner (a test double publishing real messages) accepts, reports contact and
    /// completes, and the desk closes the request and tells the chain.
    @Suite
    struct PassOnFlowTests {
        @Test func passOnAcceptContactCompleteAndClose() async throws {
            let fixture = try await FrontDeskFixture.make("flow")
            try await fixture.run {
                let person = try await fixture.registerPerson()
                let request = try await fixture.clarifiedRequest(for: person)
                let result = try await fixture.service.passOn(
                    request.id,
                    PassOnInput(partnerId: fixture.partnerID.rawValue, consentItems: [.name, .phone]),
                    by: fixture.arnhemStaff
                )
                let referralID = result.referral.id
                #expect(result.request.routes.map(\.kind) == [.passedOn])
                #expect(result.acceptDue == LocalDate(year: 2026, month: 3, day: 4))
                #expect(result.contactDue == LocalDate(year: 2026, month: 3, day: 9))

                // The partner receives the request on its own queue.
                let received = try #require(try await fixture.partnerMessages(1).first)
                #expect(received.properties.type == RequestPassedOn.messageType)
                #expect(received.routingKey == FrontDeskTopology.passedOnRoutingKey(fixture.partnerKey()))
                let passedOn = try ContractJSON.decoder().decode(Envelope<RequestPassedOn>.self, from: received.body)
                #expect(passedOn.header.correlationId == request.id)
                #expect(passedOn.payload.referralId == referralID)
                #expect(passedOn.payload.question == "Meneer zoekt contact met anderen in de wijk.")
                #expect(passedOn.payload.contact == ConsentedContact(name: "Jan Pieter van der Berg", phone: "026 123 45 67"))
                #expect(passedOn.payload.district == "Centrum")

                var sent: [UUID] = []
                // accepted → in progress
                sent.append(
                    try await fixture.publish(
                        ReferralAccepted(referralId: referralID, partnerId: fixture.partnerID.rawValue),
                        correlationId: request.id
                    )
                )
                try await eventually("referral accepted") { try await fixture.referral(referralID)?.status == .accepted }
                var details = try await fixture.service.requestDetails(request.id, by: fixture.arnhemStaff)
                #expect(details.request.routes.first?.state == .inProgress)

                // contacted, then completed → route completed
                sent.append(
                    try await fixture.publish(
                        ReferralContacted(referralId: referralID, partnerId: fixture.partnerID.rawValue, contactedAt: Date()),
                        correlationId: request.id
                    )
                )
                try await eventually("referral contacted") { try await fixture.referral(referralID)?.status == .contacted }
                sent.append(
                    try await fixture.publish(
                        ReferralCompleted(referralId: referralID, partnerId: fixture.partnerID.rawValue, summary: "Maatje gevonden."),
                        correlationId: request.id
                    )
                )
                try await eventually("referral completed") { try await fixture.referral(referralID)?.status == .completed }
                details = try await fixture.service.requestDetails(request.id, by: fixture.arnhemStaff)
                #expect(details.request.routes.first?.state == .completed)
                #expect(details.request.canCloseWithoutReason)
                #expect(details.referrals.first?.completionSummary == "Maatje gevonden.")

                // A repeated answer changes nothing and is not dead-lettered.
                sent.append(
                    try await fixture.publish(
                        ReferralAccepted(referralId: referralID, partnerId: fixture.partnerID.rawValue),
                        correlationId: request.id
                    )
                )

                // Closing emits frontdesk.request.closed with the subjectRef, never the BSN.
                let closed = try await fixture.service.closeRequest(request.id, CloseInput(outcome: .resolved), by: fixture.arnhemStaff)
                #expect(closed.status == .closed)
                let events = try await fixture.observedEvents(1, about: request.id)
                let event = try ContractJSON.decoder().decode(Envelope<RequestClosed>.self, from: try #require(events.first).body)
                #expect(event.payload.subjectRef == person.subjectRef)
                #expect(event.payload.outcome == "resolved")
                #expect(event.payload.routes == ["passed-on"])
                #expect(!String(decoding: events[0].body, as: UTF8.self).contains(person.bsn.rawValue))
                let answers = sent
                try await eventually("every answer applied, none dead-lettered") { await fixture.inbox(answers) == 4 }
                #expect(await fixture.inbox(answers, outcome: "dead-lettered") == 0)
            }
        }

        @Test func withdrawingConsentWithdrawsTheReferralAndTellsThePartner() async throws {
            let fixture = try await FrontDeskFixture.make("withdraw")
            try await fixture.run {
                let person = try await fixture.registerPerson()
                let request = try await fixture.clarifiedRequest(for: person)
                let result = try await fixture.service.passOn(
                    request.id,
                    PassOnInput(partnerId: fixture.partnerID.rawValue, consentItems: [.email]),
                    by: fixture.arnhemStaff
                )
                let consent = try await fixture.service.withdrawConsent(result.consent.id, by: fixture.arnhemStaff)
                #expect(!consent.isInForce)
                let messages = try await fixture.partnerMessages(2)
                #expect(messages.map(\.properties.type) == [RequestPassedOn.messageType, ConsentWithdrawn.messageType])
                let withdrawn = try ContractJSON.decoder().decode(Envelope<ConsentWithdrawn>.self, from: messages[1].body)
                #expect(withdrawn.payload.referralId == result.referral.id)
                #expect(try await fixture.referral(result.referral.id)?.status == .withdrawn)
                let details = try await fixture.service.requestDetails(request.id, by: fixture.arnhemStaff)
                #expect(details.request.routes.first?.state == .cancelled)

                // The partner's late acceptance is ignored, not dead-lettered.
                let late = try await fixture.publish(
                    ReferralAccepted(referralId: result.referral.id, partnerId: fixture.partnerID.rawValue),
                    correlationId: request.id
                )
                try await eventually("answer applied (as a no-op), not dead-lettered") { await fixture.inbox([late]) == 1 }
                #expect(try await fixture.referral(result.referral.id)?.status == .withdrawn)
            }
        }

        /// Defect: a consent could not be withdrawn once the partner had completed; the
        /// transaction rolled back and the partner kept the contact data.
        @Test func withdrawingConsentAfterCompletionStillEndsItAndTellsThePartner() async throws {
            let fixture = try await FrontDeskFixture.make("withdraw_done")
            try await fixture.run {
                let (request, result) = try await fixture.passedOnRequest()
                let completed = try await fixture.publish(
                    ReferralCompleted(referralId: result.referral.id, partnerId: fixture.partnerID.rawValue, summary: "Klaar."),
                    correlationId: request.id
                )
                try await eventually("referral completed") { try await fixture.referral(result.referral.id)?.status == .completed }
                #expect(await fixture.inbox([completed]) == 1)
                let consent = try await fixture.service.withdrawConsent(result.consent.id, by: fixture.arnhemStaff)
                #expect(!consent.isInForce)
                #expect(consent.endReason == .withdrawn)
                let messages = try await fixture.partnerMessages(2)
                #expect(messages.map(\.properties.type) == [RequestPassedOn.messageType, ConsentWithdrawn.messageType])
                let withdrawn = try ContractJSON.decoder().decode(Envelope<ConsentWithdrawn>.self, from: messages[1].body)
                #expect(withdrawn.payload.referralId == result.referral.id)
                // The referral keeps its outcome; the route stays completed.
                #expect(try await fixture.referral(result.referral.id)?.status == .completed)
                let details = try await fixture.service.requestDetails(request.id, by: fixture.arnhemStaff)
                #expect(details.request.routes.first?.state == .completed)
                await #expect(throws: FrontDeskError.consentAlreadyWithdrawn) {
                    try await fixture.service.withdrawConsent(result.consent.id, by: fixture.arnhemStaff)
                }
            }
        }

        /// A decline ends the consent: the partner is told to delete the contact data.
        @Test func declineEndsTheConsentAndTellsThePartner() async throws {
            let fixture = try await FrontDeskFixture.make("decline_ends")
            try await fixture.run {
                let (request, result) = try await fixture.passedOnRequest()
                let declined = try await fixture.publish(
                    ReferralDeclined(referralId: result.referral.id, partnerId: fixture.partnerID.rawValue, reason: "Geen plek"),
                    correlationId: request.id
                )
                let messages = try await fixture.partnerMessages(2)
                #expect(messages.map(\.properties.type) == [RequestPassedOn.messageType, ConsentWithdrawn.messageType])
                let notice = try ContractJSON.decoder().decode(Envelope<ConsentWithdrawn>.self, from: messages[1].body)
                #expect(notice.payload.referralId == result.referral.id)
                #expect(notice.header.causationId == declined)
                let details = try await fixture.service.requestDetails(request.id, by: fixture.arnhemStaff)
                let consent = try #require(details.consents.first)
                #expect(!consent.isInForce)
                #expect(consent.endReason == .declined)
                #expect(details.referrals.first?.referral.status == .declined)
            }
        }

        /// Closing a request ends every consent still in force, also of a completed referral.
        @Test func closingEndsConsentsAndTellsThePartners() async throws {
            let fixture = try await FrontDeskFixture.make("close_ends")
            try await fixture.run {
                let (request, result) = try await fixture.passedOnRequest()
                _ = try await fixture.publish(
                    ReferralCompleted(referralId: result.referral.id, partnerId: fixture.partnerID.rawValue, summary: "Klaar."),
                    correlationId: request.id
                )
                try await eventually("referral completed") { try await fixture.referral(result.referral.id)?.status == .completed }
                _ = try await fixture.service.closeRequest(request.id, CloseInput(outcome: .resolved), by: fixture.arnhemStaff)
                let messages = try await fixture.partnerMessages(2)
                #expect(messages.map(\.properties.type) == [RequestPassedOn.messageType, ConsentWithdrawn.messageType])
                let details = try await fixture.service.requestDetails(request.id, by: fixture.arnhemStaff)
                #expect(details.consents.first?.endReason == .requestClosed)
                #expect(details.consents.first?.withdrawnBy == fixture.arnhemStaff.id)
            }
        }
    }
}
