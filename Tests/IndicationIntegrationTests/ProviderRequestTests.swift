import Contracts
import Foundation
import Indication
import Messaging
import Storage
import TestKit
import Testing

extension IndicationIntegration {
    /// Providers' requests (iWmo WMO315/317) answered with WMO319: a receipt at once, "in
    /// onderzoek" with its 8-week end, then the decision on the accepted request as the answer;
    /// a granted change is a withdrawal plus a new allocation; only a provider that serves the
    /// client may ask.
    @Suite
    struct ProviderRequestTests {
        static func decode<M: MessageContract>(_ type: M.Type, _ delivery: Delivery) throws -> M {
            try ContractJSON.decoder().decode(Envelope<M>.self, from: delivery.body).payload
        }

        /// Grants the open line `line` of the case in kind to the fixture's provider.
        static func grant(_ line: UUID, on caseID: UUID, _ fixture: IndicationFixture) async throws -> CaseDetails {
            try await fixture.service.decide(
                caseID,
                DecisionInput(
                    lines: [
                        LineDecisionInput(
                            lineId: line,
                            granted: true,
                            grounds: "Op verzoek van de aanbieder, onderbouwd",
                            form: .inKind,
                            validFrom: "2026-12-21",
                            provider: fixture.provider.description
                        )
                    ],
                    incomeTested: true
                ),
                by: fixture.arnhem
            )
        }

        @Test func aNewAllocationRequestIsInvestigatedThenGrantedThroughADecision() async throws {
            let fixture = try await IndicationFixture.make("request315")
            try await fixture.logins.ensure(fixture.provider, kind: "provider", withQueue: true)
            try await fixture.run {
                let (request, decided) = try await ProviderExchangeTests.decidedCase(fixture)
                _ = try await fixture.providerMessages(1)  // the first allocation.issued

                // A provider that does not serve the client is refused with retour codes.
                let stranger = AllocationRequested(
                    subjectRef: SubjectRef(),
                    category: .personalCare,
                    validFrom: "2026-12-21",
                    reason: "Hulp bij wassen"
                )
                try await fixture.publish(stranger, as: fixture.provider, kind: "provider")
                let refused = try Self.decode(ProviderMessageReceipt.self, try #require(try await fixture.providerMessages(1).first))
                #expect(!refused.accepted && refused.retourCodes == ["client-unknown"] && refused.allocationId == nil)

                let asked = AllocationRequested(
                    subjectRef: request.subjectRef,
                    category: .personalCare,
                    volume: 2,
                    unit: "hours-per-week",
                    validFrom: "2026-12-21",
                    reason: "Mevrouw kan zich na de operatie niet zelf wassen",
                    providerReference: "RZ-118"
                )
                let messageID = try await fixture.publish(asked, as: fixture.provider, kind: "provider")
                let receipt = try Self.decode(ProviderMessageReceipt.self, try #require(try await fixture.providerMessages(1).first))
                #expect(receipt.accepted && receipt.receivedMessageId == messageID && receipt.receivedType == AllocationRequested.messageType)
                let caseID = decided.indicationCase.id
                let list = try await fixture.service.workList(by: fixture.arnhem)
                #expect(list.first { $0.caseId == caseID }?.reasons.contains(.providerRequest) == true)

                let pending = try #require(try await fixture.service.details(caseID, by: fixture.arnhem).providerRequests.first)
                #expect(pending.answerDue.description == "2026-12-14", "5 working days from Monday 7 December")
                _ = try await fixture.service.answerProviderRequest(pending.id, .init(answer: .investigate), by: fixture.arnhem)
                let investigating = try Self.decode(AllocationRequestAnswered.self, try #require(try await fixture.providerMessages(1).first))
                #expect(investigating.outcome == .underInvestigation && investigating.investigationDue == "2027-02-01")
                #expect(investigating.requestMessageId == messageID && investigating.providerReference == "RZ-118")
                await #expect(throws: IndicationError.providerRequestAnswered) {
                    try await fixture.service.answerProviderRequest(pending.id, .init(answer: .investigate), by: fixture.arnhem)
                }

                // Accepted: the case reopens (a re-indication) with the request as a line; the
                // decision on it is the answer, with the new allocation.
                let reopened = try await fixture.service.answerProviderRequest(pending.id, .init(answer: .accept), by: fixture.arnhem)
                #expect(reopened.indicationCase.status == .assessing && reopened.indicationCase.reindications == 1)
                let line = try #require(reopened.arrangement.first { $0.status == .open })
                #expect(line.category == .personalCare && line.whyEarlierLayersDoNotSuffice?.contains("Verzoek van") == true)
                let granted = try await Self.grant(line.id, on: caseID, fixture)
                let newAllocation = try #require(granted.allocations.first { $0.lineID == line.id })
                let messages = try await fixture.providerMessages(2)
                let answer = try Self.decode(
                    AllocationRequestAnswered.self,
                    try #require(messages.first { $0.routingKey.hasPrefix("indication.allocation.request.answered.") })
                )
                #expect(answer.outcome == .granted && answer.allocationIds == [newAllocation.id])
                let issued = try Self.decode(
                    AllocationIssued.self,
                    try #require(messages.first { $0.routingKey.hasPrefix("indication.allocation.issued.") })
                )
                #expect(issued.allocations.count == 2, "the full current set: household help and personal care")
                #expect(await fixture.count("SELECT count(*) FROM provider_requests WHERE status = 'granted'") == 1)
            }
        }

        @Test func aGrantedChangeWithdrawsTheOldAllocationAndIssuesANewOne() async throws {
            let fixture = try await IndicationFixture.make("request317")
            try await fixture.logins.ensure(fixture.provider, kind: "provider", withQueue: true)
            try await fixture.run {
                let (_, decided) = try await ProviderExchangeTests.decidedCase(fixture)
                _ = try await fixture.providerMessages(1)
                let old = try #require(decided.allocations.first)

                // A change for an allocation another provider holds is dead-lettered.
                let other = OrganisationKey(municipality: .arnhem, id: "\(fixture.provider.id)-x")
                let forged = try await fixture.publish(
                    AllocationChangeRequested(allocationId: old.id, volume: 5, reason: "Meer uren"),
                    as: other,
                    kind: "provider"
                )
                try await eventually("forged change dead-lettered") {
                    await fixture.count(
                        "SELECT count(*) FROM inbox WHERE outcome = 'dead-lettered' AND message_id = '\(forged.uuidString.lowercased())'"
                    ) == 1
                }

                let change = AllocationChangeRequested(allocationId: old.id, volume: 5, reason: "Meer uren nodig sinds de val")
                let messageID = try await fixture.publish(change, as: fixture.provider, kind: "provider")
                // The same message again (a provider's retry) has no second effect.
                try await fixture.publish(change, as: fixture.provider, kind: "provider", messageId: messageID)
                let receipt = try Self.decode(ProviderMessageReceipt.self, try #require(try await fixture.providerMessages(1).first))
                #expect(receipt.accepted && receipt.allocationId == old.id)
                #expect(await fixture.count("SELECT count(*) FROM provider_requests") == 1)
                // One change at a time per allocation.
                try await fixture.publish(
                    AllocationChangeRequested(allocationId: old.id, volume: 6, reason: "Nog meer uren"),
                    as: fixture.provider,
                    kind: "provider"
                )
                let second = try Self.decode(ProviderMessageReceipt.self, try #require(try await fixture.providerMessages(1).first))
                #expect(!second.accepted && second.retourCodes == ["request-pending"])

                let caseID = decided.indicationCase.id
                let pending = try #require(try await fixture.service.details(caseID, by: fixture.arnhem).providerRequests.first)
                let reopened = try await fixture.service.answerProviderRequest(pending.id, .init(answer: .accept), by: fixture.arnhem)
                let line = try #require(reopened.arrangement.first { $0.status == .open })
                #expect(line.volume == 5 && line.unit == .hoursPerWeek)
                let granted = try await Self.grant(line.id, on: caseID, fixture)
                let replacement = try #require(granted.allocations.first { $0.lineID == line.id })
                #expect(granted.allocations.first { $0.id == old.id }?.status == .withdrawn)
                // The budget counts the new 5 hours a week (€704.17 a month), not the withdrawn 3.
                let budget = try await fixture.service.budget(by: fixture.arnhem)
                #expect(budget.months[1].parts.first { $0.part == .wmo }?.committedCents == 70_417)

                let messages = try await fixture.providerMessages(2)
                let issued = try Self.decode(
                    AllocationIssued.self,
                    try #require(messages.first { $0.routingKey.hasPrefix("indication.allocation.issued.") })
                )
                #expect(issued.allocations.map(\.allocationId) == [replacement.id], "the old one is not in the current set")
                #expect(issued.withdrawn.map(\.allocationId) == [old.id])
                let answer = try Self.decode(
                    AllocationRequestAnswered.self,
                    try #require(messages.first { $0.routingKey.hasPrefix("indication.allocation.request.answered.") })
                )
                #expect(answer.outcome == .granted && answer.allocationIds == [replacement.id])
                // Care cannot be reported under the withdrawn allocation.
                try await fixture.publish(CareStarted(allocationId: old.id, startDate: "2026-12-15"), as: fixture.provider, kind: "provider")
                let refused = try Self.decode(ProviderMessageReceipt.self, try #require(try await fixture.providerMessages(1).first))
                #expect(!refused.accepted && refused.retourCodes == ["allocation-not-active"])
            }
        }

        @Test func aRefusalNeedsItsExplanationAndReachesTheProvider() async throws {
            let fixture = try await IndicationFixture.make("request319")
            try await fixture.logins.ensure(fixture.provider, kind: "provider", withQueue: true)
            try await fixture.run {
                let (request, decided) = try await ProviderExchangeTests.decidedCase(fixture)
                _ = try await fixture.providerMessages(1)
                try await fixture.publish(
                    AllocationRequested(subjectRef: request.subjectRef, category: .householdHelp, validFrom: "2026-12-21", reason: "Extra uren"),
                    as: fixture.provider,
                    kind: "provider"
                )
                _ = try await fixture.providerMessages(1)
                let pending = try #require(try await fixture.service.details(decided.indicationCase.id, by: fixture.arnhem).providerRequests.first)
                await #expect(throws: IndicationError.missingField(field: "explanation", label: "Toelichting")) {
                    try await fixture.service.answerProviderRequest(pending.id, .init(answer: .refuse, explanation: " "), by: fixture.arnhem)
                }
                _ = try await fixture.service.answerProviderRequest(
                    pending.id,
                    .init(answer: .refuse, explanation: "De huidige uren volstaan volgens het onderzoek"),
                    by: fixture.arnhem
                )
                let answer = try Self.decode(AllocationRequestAnswered.self, try #require(try await fixture.providerMessages(1).first))
                #expect(answer.outcome == .refused && answer.explanation == "De huidige uren volstaan volgens het onderzoek")
                // Another municipality's assessor does not see it.
                await #expect(throws: IndicationError.providerRequestNotFound) {
                    try await fixture.service.answerProviderRequest(pending.id, .init(answer: .accept), by: fixture.nijmegen)
                }
            }
        }
    }
}
