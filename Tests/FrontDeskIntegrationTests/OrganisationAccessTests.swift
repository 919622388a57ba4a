import Contracts
import Foundation
import FrontDesk
import Messaging
import TestKit
import Testing

extension FrontDeskIntegration {
    /// The trust boundary, with real broker logins made by scripts/organisations.sh: partner B
    /// cannot read A's queue, speak as A, use A's routing keys or write service events; an
    /// answer B sends about A's referral is dead-lettered and B is told; and a partner id listed
    /// in two municipalities is two organisations with two queues.
    @Suite
    struct OrganisationAccessTests {
        @Test func anotherPartnerCannotReadOrSpeakForThePartnerOfAReferral() async throws {
            let fixture = try await FrontDeskFixture.make("access")
            try await fixture.run {
                let a = fixture.partnerKey()
                let b = OrganisationKey(municipality: .arnhem, id: "b-" + a.id)
                try await fixture.partnerLogins.ensure(a)
                try await fixture.partnerLogins.ensure(b)
                try await fixture.admin.declare(Topology.standard(queues: [FrontDeskTopology.partnerQueue(b)]))
                let asB = try OrganisationLogins.url(for: b)

                // Reading A's queue: refused by the broker.
                let read = await BrokerRefusal.code(as: asB) { try $0.startConsuming(FrontDeskTopology.partnerQueueName(a)) }
                #expect(read == 403, "B consuming A's queue")
                // Publishing with A's user_id, under A's routing key, to wmo.events, a frontdesk.* key.
                let passedOn = try await fixture.passedOnRequest()
                let answer = try answerMessage(passedOn.result.referral.id, partner: fixture.partnerID, correlation: passedOn.request.id)
                #expect(
                    await BrokerRefusal.publish(
                        as:
                            asB,
                        answer,
                        exchange: Topology.partnerExchange,
                        key: "partner.\(b).referral.accepted",
                        userId: a.description
                    ) == 406
                )
                #expect(
                    await BrokerRefusal.publish(as: asB, answer, exchange: Topology.partnerExchange, key: "partner.\(a).referral.accepted") == 403
                )
                #expect(await BrokerRefusal.publish(as: asB, answer, exchange: Topology.eventsExchange, key: "partner.\(b).referral.accepted") == 403)
                #expect(
                    await BrokerRefusal.publish(as: asB, answer, exchange: Topology.eventsExchange, key: "frontdesk.request.passed-on.\(a)") == 403
                )
                #expect(
                    await BrokerRefusal.publish(as: asB, answer, exchange: Topology.partnerExchange, key: "frontdesk.request.passed-on.\(a)") == 403
                )

                // Through its own key B reaches the desk, which sees B's login, not the payload's
                // partnerId, refuses, and tells B (not A) why.
                #expect(
                    await BrokerRefusal.publish(as: asB, answer, exchange: Topology.partnerExchange, key: "partner.\(b).referral.accepted") == nil
                )
                let dead = try await fixture.admin.drain(fixture.inbound.deadLetterQueue, count: 1, timeout: 20)
                let reason = try #require(dead.first?.properties.headers[Topology.deadLetterReasonHeader]?.stringValue)
                #expect(reason.contains("user_id \(b) is not the partner"), "reason: \(reason)")
                let notices = try await fixture.admin.drain(FrontDeskTopology.partnerQueueName(b), count: 1, timeout: 20)
                let notice = try ContractJSON.decoder().decode(Envelope<MessageRejected>.self, from: try #require(notices.first).body)
                #expect(notice.payload.rejectedMessageId == answer.properties.messageId)
                #expect(notice.payload.reason == reason)
                #expect(notices.first?.properties.userId == "guest", "services sign their messages with their login")
                #expect(try await fixture.referral(passedOn.result.referral.id)?.status == .passedOn, "nothing applied")

                // A service event smuggled in under B's own routing key: the kit refuses it before
                // any handler sees it (through wmo.partners only the sender's own messages).
                var smuggled = try answerMessage(passedOn.result.referral.id, partner: fixture.partnerID, correlation: passedOn.request.id)
                smuggled.body = Data(
                    String(decoding: smuggled.body, as: UTF8.self).replacingOccurrences(
                        of: "\"partner.referral.accepted\"",
                        with: "\"indication.decided\""
                    ).utf8
                )
                #expect(
                    await BrokerRefusal.publish(as: asB, smuggled, exchange: Topology.partnerExchange, key: "partner.\(b).referral.accepted") == nil
                )
                let forged = try await fixture.admin.drain(fixture.inbound.deadLetterQueue, count: 1, timeout: 20)
                let forgedReason = forged.first?.properties.headers[Topology.deadLetterReasonHeader]?.stringValue ?? ""
                #expect(forgedReason.hasPrefix("wrong sender"), "reason: \(forgedReason)")

                // Without user_id (a raw publish sets none): refused too.
                let unsigned = try answerMessage(passedOn.result.referral.id, partner: fixture.partnerID, correlation: passedOn.request.id)
                #expect(
                    await BrokerRefusal.publish(
                        as: asB,
                        unsigned,
                        exchange: Topology.partnerExchange,
                        key: "partner.\(b).referral.accepted",
                        unsigned: true
                    )
                        == nil
                )
                let second = try await fixture.admin.drain(fixture.inbound.deadLetterQueue, count: 1, timeout: 20)
                let unsignedReason = second.first?.properties.headers[Topology.deadLetterReasonHeader]?.stringValue ?? ""
                #expect(unsignedReason.hasPrefix("wrong sender"), "reason: \(unsignedReason)")
            }
        }

        @Test func twoMunicipalitiesWithTheSamePartnerIdDoNotShareAQueue() async throws {
            let fixture = try await FrontDeskFixture.make("samepartner")
            try await fixture.run {
                // The fixture lists the same partner id in Arnhem and in Nijmegen.
                #expect(fixture.partnerKey(.arnhem) != fixture.partnerKey(.nijmegen))
                let person = try await fixture.registerPerson(bsn: "111222333", by: fixture.nijmegenStaff)
                let request = try await fixture.clarifiedRequest(for: person, by: fixture.nijmegenStaff)
                _ = try await fixture.service.passOn(
                    request.id,
                    PassOnInput(partnerId: fixture.partnerID.rawValue, consentItems: [.phone]),
                    by: fixture.nijmegenStaff
                )
                let nijmegen = try await fixture.partnerMessages(1, of: .nijmegen)
                #expect(nijmegen.count == 1, "Nijmegen's request goes to Nijmegen's organisation")
                #expect(try await fixture.admin.messageCount(FrontDeskTopology.partnerQueueName(fixture.partnerKey(.arnhem))) == 0)
            }
        }

        private func answerMessage(_ referral: UUID, partner: PartnerID, correlation: UUID) throws -> OutgoingMessage {
            let envelope = Envelope(
                ReferralAccepted(referralId: referral, partnerId: partner.rawValue),
                correlationId: correlation,
                municipality: .arnhem,
                producer: "impostor"
            )
            return OutgoingMessage(
                exchange: "",
                routingKey: "",
                body: try ContractJSON.encoder().encode(envelope),
                properties: MessageProperties(messageId: envelope.header.messageId.uuidString.lowercased(), type: ReferralAccepted.messageType)
            )
        }
    }
}
