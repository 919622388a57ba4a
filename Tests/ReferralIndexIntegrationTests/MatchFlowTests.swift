import Contracts
import Foundation
import Messaging
import ReferralIndex
import TestKit
import Testing

extension ReferralIndexIntegration {
    /// Signals over the broker from each organisation's own login; matches notified to every
    /// professional on them through their organisation's queue (SPEC §5).
    @Suite
    struct MatchFlowTests {
        @Test func twoOrganisationsAreNotifiedOfEachOtherAndAThirdJoinsTheMatch() async throws {
            let fixture = try await ReferralIndexFixture.make("match_flow")
            try await fixture.run {
                let sanne = ReferralIndexFixture.professional("Sanne de Wit", of: fixture.jeugdzorg)
                let joost = ReferralIndexFixture.professional("Joost Visser", of: fixture.school)
                let petra = ReferralIndexFixture.professional("Petra Bos", of: fixture.politie)
                try await fixture.publish(ReferralIndexFixture.registration("123456782", by: sanne), as: fixture.jeugdzorg)
                let first = try await fixture.messages(for: fixture.jeugdzorg, 1)
                #expect(first.map(\.properties.type) == [SignalRecorded.messageType])
                try await fixture.publish(ReferralIndexFixture.registration("123456782", by: joost), as: fixture.school)

                // Each of the two learns of the other; the municipality's coordinator of both.
                let atJeugdzorg = try ReferralIndexFixture.notifications(try await fixture.messages(for: fixture.jeugdzorg, 1))
                let atSchool = try ReferralIndexFixture.notifications(try await fixture.messages(for: fixture.school, 2))
                let atRegie = try ReferralIndexFixture.notifications(try await fixture.messages(for: fixture.regie, 1))
                let toJeugdzorg = try #require(atJeugdzorg.first)
                let toSchool = try #require(atSchool.first)
                let toRegie = try #require(atRegie.first)
                #expect(toJeugdzorg.participants.map(\.name) == ["Joost Visser"])
                #expect(toJeugdzorg.participants.first?.email == joost.email && toJeugdzorg.participants.first?.phone == joost.phone)
                #expect(toSchool.participants.map(\.name) == ["Sanne de Wit"])
                #expect(Set(toRegie.participants.map(\.name)) == ["Sanne de Wit", "Joost Visser"] && toRegie.signalId == nil)
                #expect(Set([toJeugdzorg.matchId, toSchool.matchId, toRegie.matchId]).count == 1)
                #expect(toJeugdzorg.kind == "client" && toJeugdzorg.change == "created" && toJeugdzorg.coordinator == fixture.regie.description)

                // A third organisation joins the same match: all three hear of it.
                try await fixture.publish(ReferralIndexFixture.registration("123456782", by: petra), as: fixture.politie)
                let atPolitie = try ReferralIndexFixture.notifications(try await fixture.messages(for: fixture.politie, 2))
                let extended = try ReferralIndexFixture.notifications(try await fixture.messages(for: fixture.jeugdzorg, 1))
                let toPolitie = try #require(atPolitie.first)
                #expect(toPolitie.matchId == toJeugdzorg.matchId && toPolitie.change == "extended")
                #expect(Set(toPolitie.participants.map(\.name)) == ["Sanne de Wit", "Joost Visser"])
                #expect(Set(try #require(extended.first).participants.map(\.name)) == ["Joost Visser", "Petra Bos"])
                #expect(await fixture.count("SELECT count(*) FROM matches") == 1)
                #expect(await fixture.count("SELECT count(*) FROM match_signals") == 3)

                // The same professional again refreshes, not duplicates, and tells no one anew.
                try await fixture.publish(ReferralIndexFixture.registration("123456782", by: sanne), as: fixture.jeugdzorg)
                let again = try await fixture.messages(for: fixture.jeugdzorg, 1)
                let receipt = try #require(try ReferralIndexFixture.payloads(SignalRecorded.self, in: again).first)
                #expect(receipt.outcome == "refreshed")
                #expect(await fixture.count("SELECT count(*) FROM signals") == 3)
                #expect(await fixture.count("SELECT count(*) FROM audit_log WHERE action = 'refreshed'") == 1)
            }
        }

        @Test func siblingsWithASharedParentSignalledByTwoOrganisationsHaveOneFamilyMatchKey() async throws {
            let fixture = try await ReferralIndexFixture.make("family_match")
            try await fixture.run {
                let sanne = ReferralIndexFixture.professional("Sanne de Wit", of: fixture.jeugdzorg)
                let joost = ReferralIndexFixture.professional("Joost Visser", of: fixture.school)
                let petra = ReferralIndexFixture.professional("Petra Bos", of: fixture.politie)
                // Three children of one mother (100000010); the youngest also of another father.
                try await fixture.publish(
                    ReferralIndexFixture.registration("100000009", by: sanne, parents: ["100000010", "100000022"]),
                    as: fixture.jeugdzorg
                )
                _ = try await fixture.messages(for: fixture.jeugdzorg, 1)
                try await fixture.publish(ReferralIndexFixture.registration("100000034", by: joost, parents: ["100000010"]), as: fixture.school)
                let atSchool = try ReferralIndexFixture.notifications(try await fixture.messages(for: fixture.school, 2))
                let atJeugdzorg = try ReferralIndexFixture.notifications(try await fixture.messages(for: fixture.jeugdzorg, 1))
                let family = try #require(atSchool.first)
                #expect(family.kind == "family" && family.youngPeople == 2)
                #expect(atJeugdzorg.first?.matchId == family.matchId)
                try await fixture.publish(ReferralIndexFixture.registration("100000046", by: petra, parents: ["100000022"]), as: fixture.politie)
                let atPolitie = try ReferralIndexFixture.notifications(try await fixture.messages(for: fixture.politie, 2))
                #expect(atPolitie.first?.matchId == family.matchId, "one match key for the whole family")
                #expect(atPolitie.first?.youngPeople == 3)
                #expect(await fixture.count("SELECT count(*) FROM matches WHERE kind = 'family'") == 1)
                #expect(await fixture.count("SELECT count(*) FROM matches WHERE kind = 'client'") == 0)
            }
        }

        @Test func withdrawalAndExpiryTakeASignalOutOfMatching() async throws {
            let fixture = try await ReferralIndexFixture.make("withdraw_expire")
            try await fixture.run {
                let sanne = ReferralIndexFixture.professional("Sanne de Wit", of: fixture.jeugdzorg)
                let joost = ReferralIndexFixture.professional("Joost Visser", of: fixture.school)
                let petra = ReferralIndexFixture.professional("Petra Bos", of: fixture.politie)
                try await fixture.publish(ReferralIndexFixture.registration("123456782", by: sanne), as: fixture.jeugdzorg)
                let recorded = try await fixture.messages(for: fixture.jeugdzorg, 1)
                let signal = try #require(try ReferralIndexFixture.payloads(SignalRecorded.self, in: recorded).first)
                try await fixture.publish(ReferralIndexFixture.registration("123456782", by: joost), as: fixture.school)
                _ = try await fixture.messages(for: fixture.school, 2)
                _ = try await fixture.messages(for: fixture.jeugdzorg, 1)

                // Withdrawn by its organisation: the match ends, and a newcomer matches only the other.
                try await fixture.publish(SignalWithdrawn(signalId: signal.signalId, reason: "risk-gone"), as: fixture.jeugdzorg)
                let withdrawn = try await fixture.messages(for: fixture.jeugdzorg, 1)
                #expect(try ReferralIndexFixture.payloads(SignalRecorded.self, in: withdrawn).map(\.outcome) == ["withdrawn"])
                #expect(await fixture.count("SELECT count(*) FROM matches WHERE status = 'ended'") == 1)
                #expect(await fixture.count("SELECT count(*) FROM signals WHERE status = 'removed' AND birth_date IS NULL") == 1)
                try await fixture.publish(ReferralIndexFixture.registration("123456782", by: petra), as: fixture.politie)
                let atPolitie = try ReferralIndexFixture.notifications(try await fixture.messages(for: fixture.politie, 2))
                #expect(try #require(atPolitie.first).participants.map(\.name) == ["Joost Visser"])

                // Two years later every signal has expired: a new one matches nothing.
                fixture.clock.set(TestClock.at(2028, 12, 8))
                let run = try await fixture.service.runRemoval()
                #expect(run.removed == 2)
                #expect(try await fixture.service.runRemoval().removed == 0, "idempotent")
                try await fixture.publish(ReferralIndexFixture.registration("123456782", by: sanne), as: fixture.jeugdzorg)
                let alone = try await fixture.messages(for: fixture.jeugdzorg, 1)
                #expect(alone.map(\.properties.type) == [SignalRecorded.messageType])
                #expect(await fixture.count("SELECT count(*) FROM audit_log WHERE action = 'removed' AND detail = 'two-years'") == 2)

                // Five years after removal the records go, with the audit older than five years.
                fixture.clock.set(TestClock.at(2034, 1, 1))
                let late = try await fixture.service.runRemoval()
                #expect(late.removed == 1 && late.deleted == 3)
                #expect(await fixture.count("SELECT count(*) FROM signals") == 1)
            }
        }

        @Test func aDeathNoticeFromTheDeskRemovesEverySignalOnThePerson() async throws {
            let fixture = try await ReferralIndexFixture.make("death_notice")
            try await fixture.run {
                let sanne = ReferralIndexFixture.professional("Sanne de Wit", of: fixture.jeugdzorg)
                let joost = ReferralIndexFixture.professional("Joost Visser", of: fixture.school)
                try await fixture.publish(ReferralIndexFixture.registration("123456782", by: sanne), as: fixture.jeugdzorg)
                try await fixture.publish(ReferralIndexFixture.registration("123456782", by: joost), as: fixture.school)
                _ = try await fixture.messages(for: fixture.school, 2)
                // As the desk sends it: the default exchange, straight to the index's queue.
                let notice = Envelope(
                    PersonDeceased(bsn: "123456782", dateOfDeath: "2026-12-06"),
                    correlationId: UUID(),
                    municipality: .arnhem,
                    producer: "front-desk"
                )
                try await fixture.publisher.publish(
                    OutgoingMessage(
                        exchange: "",
                        routingKey: fixture.deaths.name,
                        body: try ContractJSON.encoder().encode(notice),
                        properties: MessageProperties(messageId: notice.header.messageId.uuidString.lowercased(), type: PersonDeceased.messageType)
                    )
                )
                try await eventually("both signals removed") {
                    await fixture.count("SELECT count(*) FROM signals WHERE status = 'removed' AND removal_reason = 'deceased'") == 2
                }
                #expect(await fixture.count("SELECT count(*) FROM matches WHERE status = 'ended'") == 1)
                #expect(await fixture.count("SELECT count(*) FROM signals WHERE birth_date IS NOT NULL") == 0)
            }
        }

        @Test func anOrganisationCannotSignalAsAnotherAndARefusalStoresNothing() async throws {
            let fixture = try await ReferralIndexFixture.make("impersonation")
            try await fixture.run {
                let sanne = ReferralIndexFixture.professional("Sanne de Wit", of: fixture.jeugdzorg)
                // Under the other organisation's routing key: the broker refuses the publish.
                let envelope = Envelope(
                    ReferralIndexFixture.registration("123456782", by: sanne),
                    correlationId: UUID(),
                    municipality: .arnhem,
                    producer: "impostor"
                )
                let forged = OutgoingMessage(
                    exchange: "",
                    routingKey: "",
                    body: try ContractJSON.encoder().encode(envelope),
                    properties: MessageProperties(messageId: envelope.header.messageId.uuidString.lowercased(), type: SignalRegistered.messageType)
                )
                try await fixture.logins.ensure(fixture.jeugdzorg, kind: "signaller")
                let asJeugdzorg = try OrganisationLogins.url(for: fixture.jeugdzorg)
                #expect(
                    await BrokerRefusal.publish(
                        as: asJeugdzorg,
                        forged,
                        exchange: Topology.partnerExchange,
                        key: "signaller.\(fixture.school).signal.registered"
                    )
                        == 403
                )
                #expect(
                    await BrokerRefusal.publish(
                        as: asJeugdzorg,
                        forged,
                        exchange: Topology.partnerExchange,
                        key: "signaller.\(fixture.jeugdzorg).signal.registered",
                        userId: fixture.school.description
                    ) == 406
                )
                // Under its own key, with a body naming the other organisation: dead-lettered, told, audited.
                var claim = ReferralIndexFixture.registration("123456782", by: sanne)
                claim.organisation = fixture.school.description
                let id = try await fixture.publish(claim, as: fixture.jeugdzorg)
                let notice = try await fixture.messages(for: fixture.jeugdzorg, 1)
                let rejected = try #require(try ReferralIndexFixture.payloads(MessageRejected.self, in: notice).first)
                #expect(rejected.rejectedMessageId == id.uuidString.lowercased())
                #expect(rejected.reason.contains("organisation"))
                // Too old, invalid BSN, not designated: each refused with its reason.
                try await fixture.publish(ReferralIndexFixture.registration("123456782", by: sanne, born: "2000-01-01"), as: fixture.jeugdzorg)
                try await fixture.publish(ReferralIndexFixture.registration("123456789", by: sanne), as: fixture.jeugdzorg)
                let reasons = try ReferralIndexFixture.payloads(MessageRejected.self, in: try await fixture.messages(for: fixture.jeugdzorg, 2))
                    .map(\.reason)
                #expect(reasons.count == 2, "both refusals are rejection notices")
                #expect(reasons.contains { $0.contains("23 or older") } && reasons.contains { $0.contains("eleven") || $0.contains("BSN") })
                try await fixture.pool.withTransaction { tx in
                    try OrganisationRepository.upsert(Organisation(key: fixture.politie, name: "Politie", isAuthorised: false), in: tx)
                }
                try await fixture.publish(
                    ReferralIndexFixture.registration("123456782", by: ReferralIndexFixture.professional("Petra Bos", of: fixture.politie)),
                    as: fixture.politie
                )
                let refusedPolitie = try await fixture.messages(for: fixture.politie, 1)
                #expect(refusedPolitie.first?.properties.type == MessageRejected.messageType)
                #expect(await fixture.count("SELECT count(*) FROM signals") == 0)
                #expect(await fixture.count("SELECT count(*) FROM audit_log WHERE action = 'refused'") == 4)
                #expect(try await fixture.admin.messageCount("\(fixture.inbound.name).dlq") == 4)
            }
        }
    }
}
