import Contracts
import Foundation
import Indication
import Messaging
import Storage
import TestKit
import Testing

extension IndicationIntegration {
    /// Decision → `indication.allocation.issued` to the contracted provider → acknowledged →
    /// care started → stopped, each report answered with a receipt; only the provider holding an
    /// allocation counts; a missing receipt is escalated after 3 working days.
    @Suite
    struct ProviderExchangeTests {
        /// A decided case with one granted in-kind household-help line for the fixture's provider.
        static func decidedCase(_ fixture: IndicationFixture) async throws -> (IndicationRequested, CaseDetails) {
            let request = IndicationFixture.request()
            try await fixture.publish(request, correlationId: request.requestId)
            let opened = try await fixture.caseOf(request)
            let iris = fixture.arnhem
            _ = try await fixture.service.recordAssessment(
                opened.id,
                AssessmentInput(scores: ["instrumental-adl": 2, "physical-health": 2]),
                by: iris
            )
            let details = try await fixture.service.addLine(
                opened.id,
                LineInput(
                    layer: .individualProvision,
                    deliveredBy: "Thuiszorg",
                    activity: "Schoonmaken",
                    category: .householdHelp,
                    volume: 3,
                    unit: .hoursPerWeek,
                    intendedResult: "Schoon huis",
                    whyEarlierLayersDoNotSuffice: "Netwerk kan het niet."
                ),
                by: iris
            )
            _ = try await fixture.service.chooseProfile(opened.id, ProfileInput(profileId: 2, reason: "Blijvende beperking"), by: iris)
            let line = try #require(details.arrangement.first)
            let grant = { (provider: String?) in
                DecisionInput(
                    lines: [
                        LineDecisionInput(
                            lineId: line.id,
                            granted: true,
                            grounds: "Volstaat niet",
                            form: .inKind,
                            validFrom: "2026-12-14",
                            validUntil: "2027-12-13",
                            provider: provider
                        )
                    ],
                    incomeTested: true
                )
            }
            await #expect(throws: IndicationError.providerMissing(line.id)) { try await fixture.service.decide(opened.id, grant(nil), by: iris) }
            await #expect(throws: IndicationError.providerNotContracted(provider: "0202-niemand", category: .householdHelp)) {
                try await fixture.service.decide(opened.id, grant("0202-niemand"), by: iris)
            }
            let decided = try await fixture.service.decide(opened.id, grant(fixture.provider.description), by: iris)
            return (request, decided)
        }

        @Test func allocationAcknowledgedStartedAndStoppedByItsProviderOnly() async throws {
            let fixture = try await IndicationFixture.make("provider")
            try await fixture.logins.ensure(fixture.provider, kind: "provider", withQueue: true)
            try await fixture.run {
                let (request, decided) = try await Self.decidedCase(fixture)
                let allocation = try #require(decided.allocations.first)
                #expect(allocation.status == .issued && allocation.tariffCents == 3250)
                #expect(allocation.receiptDue.description == "2026-12-10")
                let issued = try #require(try await fixture.providerMessages(1).first)
                #expect(issued.routingKey == "indication.allocation.issued.\(fixture.provider)")
                let message = try ContractJSON.decoder().decode(Envelope<AllocationIssued>.self, from: issued.body).payload
                #expect(message.subjectRef == request.subjectRef && message.allocations.map(\.allocationId) == [allocation.id])
                #expect(message.allocations[0].validFrom == "2026-12-14" && message.allocations[0].volume == 3)

                // Another provider cannot answer for it: dead-lettered.
                let other = OrganisationKey(municipality: .arnhem, id: "\(fixture.provider.id)-x")
                let forged = try await fixture.publish(AllocationAcknowledged(allocationIds: [allocation.id]), as: other, kind: "provider")
                try await eventually("forged receipt dead-lettered") {
                    await fixture.count(
                        "SELECT count(*) FROM inbox WHERE outcome = 'dead-lettered' AND message_id = '\(forged.uuidString.lowercased())'"
                    ) == 1
                }

                try await fixture.publish(AllocationAcknowledged(allocationIds: [allocation.id]), as: fixture.provider, kind: "provider")
                try await eventually("acknowledged") {
                    await fixture.count("SELECT count(*) FROM allocations WHERE status = 'acknowledged'") == 1
                }
                // A stop may come before its start (arrival order means nothing); a start outside
                // the validity is refused with a receipt.
                try await fixture.publish(
                    CareStopped(allocationId: allocation.id, stopDate: "2027-06-30", reason: .goalsReached),
                    as: fixture.provider,
                    kind: "provider"
                )
                try await fixture.publish(CareStarted(allocationId: allocation.id, startDate: "2026-12-01"), as: fixture.provider, kind: "provider")
                try await fixture.publish(CareStarted(allocationId: allocation.id, startDate: "2026-12-15"), as: fixture.provider, kind: "provider")
                let receipts = try await fixture.providerMessages(3).map {
                    try ContractJSON.decoder().decode(Envelope<ProviderMessageReceipt>.self, from: $0.body).payload
                }
                #expect(receipts.map(\.accepted) == [true, false, true])
                #expect(receipts[1].retourCodes == ["date-outside-validity"])
                try await eventually("started and stopped") {
                    await fixture.count(
                        "SELECT count(*) FROM allocations WHERE start_date = '2026-12-15' AND stop_date = '2027-06-30' AND stop_reason = 'goals-reached'"
                    ) == 1
                }
                // The chain hears of the end once, with the subjectRef only (the citizen panel samples it).
                try await fixture.publish(
                    CareStopped(allocationId: allocation.id, stopDate: "2027-06-30", reason: .goalsReached),
                    as: fixture.provider,
                    kind: "provider"
                )
                _ = try await fixture.providerMessages(1)
                let chain = try await fixture.observedEvents(2, about: request.requestId)
                let ended = try chain.filter { $0.properties.type == CareEnded.messageType }.map {
                    try ContractJSON.decoder().decode(Envelope<CareEnded>.self, from: $0.body).payload
                }
                #expect(ended.count == 1)
                #expect(
                    ended.first?.subjectRef == request.subjectRef && ended.first?.reason == .goalsReached && ended.first?.stopDate == "2027-06-30"
                )
            }
        }

        @Test func aReceiptMissingAfterThreeWorkingDaysIsEscalated() async throws {
            let fixture = try await IndicationFixture.make("receipt")
            try await fixture.logins.ensure(fixture.provider, kind: "provider", withQueue: true)
            try await fixture.run {
                let (_, decided) = try await Self.decidedCase(fixture)
                let allocation = try #require(decided.allocations.first)
                // Monday 7 December + 3 working days = Thursday 10 December: on time until then.
                fixture.clock.set(TestClock.at(2026, 12, 10, 17))
                #expect(try await fixture.service.escalateMissingReceipts().isEmpty)
                fixture.clock.set(TestClock.at(2026, 12, 11, 9))
                #expect(try await fixture.service.escalateMissingReceipts().map(\.id) == [allocation.id])
                #expect(try await fixture.service.escalateMissingReceipts().isEmpty, "escalated once")
                let list = try await fixture.service.workList(by: fixture.arnhem)
                #expect(list.first { $0.caseId == decided.indicationCase.id }?.reasons.contains(.receiptMissing) == true)
            }
        }
    }
}
