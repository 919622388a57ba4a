import Contracts
import Foundation
import FrontDesk
import Messaging
import TestKit
import Testing

extension FrontDeskIntegration {
    /// Malformed or wrong messages from partners go to the desk's dead-letter queue with the
    /// reason, and the desk carries on.
    @Suite
    struct DeadLetterTests {
        @Test func badPartnerMessagesAreDeadLetteredWithTheirReason() async throws {
            let fixture = try await FrontDeskFixture.make("dlq")
            try await fixture.run {
                let (request, result) = try await fixture.passedOnRequest()
                let referralID = result.referral.id

                var expected: [String: String] = [:]
                let notJSON = UUID().uuidString.lowercased()
                try await fixture.publishRaw("{ not json", routingKey: ReferralAccepted.messageType, messageId: notJSON)
                expected[notJSON] = "malformed message"
                let noPartner = UUID().uuidString.lowercased()
                try await fixture.publishRaw(
                    """
                    {"messageId":"\(noPartner)","type":"partner.referral.accepted","version":"1.0",
                     "timestamp":"2026-03-03T10:00:00Z","correlationId":"\(request.id)","municipality":"0202",
                     "producer":"partner","payload":{"referralId":"\(referralID)"}}
                    """,
                    routingKey: ReferralAccepted.messageType,
                    messageId: noPartner
                )
                expected[noPartner] = "missing field 'partnerId'"
                let future = UUID().uuidString.lowercased()
                try await fixture.publishRaw(
                    """
                    {"messageId":"\(future)","type":"partner.referral.accepted","version":"2.0",
                     "timestamp":"2026-03-03T10:00:00Z","correlationId":"\(request.id)","municipality":"0202",
                     "producer":"partner","payload":{"referralId":"\(referralID)","partnerId":"x"}}
                    """,
                    routingKey: ReferralAccepted.messageType,
                    messageId: future
                )
                expected[future] = "unsupported schema version 2.0"
                let unknown = try await fixture.publish(
                    ReferralAccepted(referralId: UUID(), partnerId: fixture.partnerID.rawValue),
                    correlationId: request.id
                )
                expected[unknown.uuidString.lowercased()] = "unknown referral"
                let impostor = try await fixture.publish(
                    ReferralAccepted(referralId: referralID, partnerId: "another-partner"),
                    correlationId: request.id
                )
                expected[impostor.uuidString.lowercased()] = "may not answer for a referral to another partner"
                let otherMunicipality = try await fixture.publish(
                    ReferralAccepted(referralId: referralID, partnerId: fixture.partnerID.rawValue),
                    correlationId: request.id,
                    municipality: .nijmegen
                )
                expected[otherMunicipality.uuidString.lowercased()] = "another municipality"
                let unknownPerson = try await fixture.publish(
                    PanelInvitationRequested(
                        invitationId: UUID(),
                        subjectRef: SubjectRef(),
                        surveyTitle: "Enquête",
                        surveyLink: "https://example.nl"
                    ),
                    correlationId: UUID()
                )
                expected[unknownPerson.uuidString.lowercased()] = "unknown subjectRef"
                let contradiction = UUID()
                let declined = try await fixture.publish(
                    ReferralDeclined(referralId: referralID, partnerId: fixture.partnerID.rawValue, reason: "Vol"),
                    correlationId: request.id
                )
                try await eventually("declined") { try await fixture.referral(referralID)?.status == .declined }
                let contacted = try await fixture.publish(
                    ReferralContacted(referralId: referralID, partnerId: fixture.partnerID.rawValue, contactedAt: Date()),
                    correlationId: contradiction
                )
                expected[contacted.uuidString.lowercased()] = "invalid-referral-transition"

                let ids = expected.keys.compactMap(UUID.init(uuidString:))
                try await eventually("all dead-lettered") { await fixture.inbox(ids, outcome: "dead-lettered") == ids.count }
                #expect(await fixture.inbox([declined]) == 1)
                // Read the dead-letter queue until every expected message is there (another test's
                // messages on the shared routing keys may be in it too).
                var dead: [String: String] = [:]
                let deadline = Date().addingTimeInterval(20)
                while !expected.keys.allSatisfy({ dead[$0] != nil }), Date() < deadline {
                    for letter in try await fixture.admin.drain(fixture.inbound.deadLetterQueue, count: 50, timeout: 0.5) {
                        dead[letter.properties.messageId ?? ""] = letter.properties.headers[Topology.deadLetterReasonHeader]?.stringValue
                    }
                }
                for (messageID, reason) in expected {
                    let header = dead[messageID] ?? "none"
                    #expect(header.contains(reason), "\(messageID): '\(header)' should mention '\(reason)'")
                }
                // Nothing of it changed the referral: it is still declined.
                #expect(try await fixture.referral(referralID)?.status == .declined)
            }
        }
    }
}
