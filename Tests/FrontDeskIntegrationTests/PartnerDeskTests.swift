import Contracts
import Foundation
import FrontDesk
import Messaging
import TestKit
import Testing

extension FrontDeskIntegration {
    /// The desk network (loketnetwerk, SPEC §2): a partner desk submits a request with the
    /// citizen's consent; the desk matches or registers the person once, the request enters the
    /// lifecycle (channel "partner desk") and the partner gets a receipt with the request's id.
    @Suite
    struct PartnerDeskTests {
        @Test func aSubmittedRequestIsReceivedOnceAndAcknowledged() async throws {
            let fixture = try await FrontDeskFixture.make("submitted")
            try await fixture.run {
                let known = try await fixture.registerPerson(bsn: "123456782")
                let first = submission(bsn: "123456782", partner: fixture.partnerID)
                let second = submission(bsn: "999993653", partner: fixture.partnerID)
                try await fixture.publish(first, correlationId: UUID())
                try await fixture.publish(second, correlationId: UUID())
                let receipts = try await fixture.partnerMessages(2, timeout: 30)
                    .filter { $0.properties.type == RequestReceived.messageType }
                    .map { try ContractJSON.decoder().decode(Envelope<RequestReceived>.self, from: $0.body).payload }
                #expect(Set(receipts.map(\.submissionId)) == [first.submissionId, second.submissionId])
                let forKnown = try #require(receipts.first { $0.submissionId == first.submissionId })
                let details = try await fixture.service.requestDetails(forKnown.requestId, by: fixture.arnhemStaff)
                #expect(details.request.personID == known.id, "matched by BSN: the citizen tells their story once")
                #expect(details.request.channel == .partnerDesk)
                let registered = try await fixture.service.searchPersons(PersonSearch(bsn: "999993653"), by: fixture.arnhemStaff)
                #expect(registered.count == 1, "an unknown citizen is registered")
                #expect(try await fixture.admin.messageCount(fixture.inbound.deadLetterQueue) == 0)
            }
        }

        @Test func aSubmissionWithoutConsentIsRefusedAndThePartnerTold() async throws {
            let fixture = try await FrontDeskFixture.make("noconsent")
            try await fixture.run {
                var refused = submission(bsn: "123456782", partner: fixture.partnerID)
                refused.consentGiven = false
                let id = try await fixture.publish(refused, correlationId: UUID())
                let dead = try await fixture.admin.drain(fixture.inbound.deadLetterQueue, count: 1, timeout: 20)
                let reason = try #require(dead.first?.properties.headers[Topology.deadLetterReasonHeader]?.stringValue)
                #expect(reason.contains("consentGiven"), "reason: \(reason)")
                let notices = try await fixture.partnerMessages(1, timeout: 20)
                let notice = try ContractJSON.decoder().decode(Envelope<MessageRejected>.self, from: try #require(notices.first).body)
                #expect(notice.payload.rejectedMessageId == id.uuidString.lowercased())
                #expect(try await fixture.service.searchPersons(PersonSearch(bsn: "123456782"), by: fixture.arnhemStaff).isEmpty)
            }
        }

        private func submission(bsn: String, partner: PartnerID) -> PartnerRequestSubmitted {
            PartnerRequestSubmitted(
                submissionId: UUID(),
                partnerId: partner.rawValue,
                consentGiven: true,
                consentedAt: Date(),
                citizen: SubmittedCitizen(bsn: bsn, givenNames: "Jan", familyName: "Jansen", birthDate: "1948-03-31", phone: "026 123 45 67"),
                question: "Meneer redt het huishouden niet meer alleen."
            )
        }
    }
}
