import Contracts
import Foundation
import Indication
import Storage
import TestKit
import Testing

extension IndicationIntegration {
    /// Intake → scores → profile → arrangement → decision → `indication.decided` and the
    /// informal line to matching; duplicates have no second effect; matching's failure reopens.
    @Suite
    struct AssessmentFlowTests {
        @Test func intakeToDecisionPublishesTheDecisionAndTheInformalRequest() async throws {
            let fixture = try await IndicationFixture.make("flow")
            try await fixture.run {
                let request = IndicationFixture.request()
                let messageID = try await fixture.publish(request, correlationId: request.requestId)
                let opened = try await fixture.caseOf(request)
                #expect(opened.status == .received && opened.route == .municipality)
                #expect(opened.applicationDay.description == "2026-12-07" && opened.decisionDue.description == "2026-12-21")
                // The same message again, and the same request in a new message: still one case.
                try await fixture.publish(request, correlationId: request.requestId, messageId: messageID)
                try await fixture.publish(request, correlationId: request.requestId)
                try await eventually("three deliveries handled") {
                    await fixture.count("SELECT count(*) FROM inbox") == 2
                }
                #expect(await fixture.count("SELECT count(*) FROM cases") == 1)

                let iris = fixture.arnhem
                let scored = try await fixture.service.recordAssessment(
                    opened.id,
                    AssessmentInput(scores: ["physical-health": 2, "basic-adl": 2, "instrumental-adl": 1, "social-network": 3]),
                    by: iris
                )
                #expect(scored.suggestion?.profileID == 3)
                _ = try await fixture.service.chooseProfile(opened.id, ProfileInput(profileId: 3), by: iris)
                await #expect(throws: IndicationError.overrideWithoutReason(suggested: 3)) {
                    try await fixture.service.chooseProfile(opened.id, ProfileInput(profileId: 2), by: iris)
                }
                let household = LineInput(
                    layer: .individualProvision,
                    deliveredBy: "Thuiszorg Rijnstad",
                    activity: "Schoonmaken van de woning",
                    category: .householdHelp,
                    volume: 3,
                    unit: .hoursPerWeek,
                    intendedResult: "Een schoon en leefbaar huis"
                )
                await #expect(throws: IndicationError.individualProvisionWithoutReason) {
                    try await fixture.service.addLine(opened.id, household, by: iris)
                }
                var withReason = household
                withReason.whyEarlierLayersDoNotSuffice = "Dochter werkt fulltime; voor wekelijks schoonmaken is geen vrijwilliger."
                _ = try await fixture.service.addLine(opened.id, withReason, by: iris)
                let details = try await fixture.service.addLine(
                    opened.id,
                    LineInput(
                        layer: .informalSupport,
                        deliveredBy: "Vrijwilligerscentrale",
                        activity: "Wekelijks samen boodschappen doen",
                        task: .shopping,
                        intendedResult: "Mevrouw komt weer buiten"
                    ),
                    by: iris
                )
                let individual = try #require(details.arrangement.first { $0.layer == .individualProvision })
                let informal = try #require(details.arrangement.first { $0.layer == .informalSupport })
                let decision = DecisionInput(
                    lines: [
                        LineDecisionInput(
                            lineId: individual.id,
                            granted: true,
                            grounds: "Eigen kracht, netwerk en algemene voorzieningen volstaan niet.",
                            form: .personalBudget,
                            validFrom: "2026-12-14",
                            validUntil: "2027-12-13"
                        )
                    ],
                    reviewDate: "2027-11-01",
                    ownContribution: true
                )
                await #expect(throws: IndicationError.incomeTestRequired(.householdHelp)) {
                    try await fixture.service.decide(opened.id, decision, by: iris)
                }
                var tested = decision
                tested.incomeTested = true
                let decided = try await fixture.service.decide(opened.id, tested, by: iris)
                #expect(decided.indicationCase.status == .decided)
                #expect(decided.arrangement.first { $0.id == informal.id }?.status == .requested)

                let events = try await fixture.observedEvents(2, about: request.requestId)
                let types = Set(events.compactMap(\.properties.type))
                #expect(types == ["indication.decided", "indication.informal-support.requested"])
                let decidedEvent = try #require(events.first { $0.properties.type == "indication.decided" })
                let payload = try ContractJSON.decoder().decode(Envelope<IndicationDecided>.self, from: decidedEvent.body).payload
                #expect(payload.requestId == request.requestId && payload.subjectRef == request.subjectRef)
                #expect(payload.lines.count == 1 && payload.lines[0].granted && payload.lines[0].category == .householdHelp)
                #expect(payload.ownContribution && payload.decidedBy == "Iris Bakker")
                let informalEvent = try #require(events.first { $0.properties.type == "indication.informal-support.requested" })
                let asked = try ContractJSON.decoder().decode(Envelope<InformalSupportRequested>.self, from: informalEvent.body).payload
                #expect(asked.lineId == informal.id && asked.task == .shopping)

                // Matching finds nobody: the line goes back to the assessor, the case reopens.
                try await fixture.publish(
                    MatchingFailed(requestId: request.requestId, subjectRef: request.subjectRef, reason: "Geen vrijwilliger", lineId: informal.id),
                    correlationId: request.requestId,
                    producer: "matching"
                )
                try await eventually("line failed") {
                    await fixture.count("SELECT count(*) FROM arrangement_lines WHERE status = 'failed'") == 1
                }
                let reopened = try await fixture.service.details(opened.id, by: iris)
                #expect(reopened.indicationCase.status == .assessing)
                #expect(reopened.indicationCase.reindications == 0)
                let list = try await fixture.service.workList(by: iris)
                #expect(list.first { $0.caseId == opened.id }?.reasons.contains(.informalSupportFailed) == true)
                // Another municipality's assessor sees nothing of it.
                await #expect(throws: IndicationError.caseNotFound) { try await fixture.service.details(opened.id, by: fixture.nijmegen) }
                #expect(try await fixture.service.workList(by: fixture.nijmegen).allSatisfy { $0.caseId != opened.id })
                #expect(await fixture.count("SELECT count(*) FROM access_log WHERE action = 'read'") >= 1)
            }
        }

        @Test func theSimplifiedProtocolDecidesAStandardProvisionInOneStep() async throws {
            let fixture = try await IndicationFixture.make("standard")
            try await fixture.run {
                let request = IndicationFixture.request([.physicalHealth])
                try await fixture.publish(request, correlationId: request.requestId)
                let opened = try await fixture.caseOf(request)
                let line = LineInput(
                    layer: .individualProvision,
                    deliveredBy: "Hulpmiddelencentrum",
                    activity: "Rolstoel in bruikleen",
                    category: .aids,
                    intendedResult: "Zelfstandig verplaatsen in huis",
                    whyEarlierLayersDoNotSuffice: "Een rolstoel is geen algemene voorziening."
                )
                var household = line
                household.category = .householdHelp
                await #expect(throws: IndicationError.notAStandardProvision(.householdHelp)) {
                    try await fixture.service.decideStandard(
                        opened.id,
                        StandardDecisionInput(line: household, granted: true, grounds: "g", form: .personalBudget, validFrom: "2026-12-08"),
                        by: fixture.arnhem
                    )
                }
                let decided = try await fixture.service.decideStandard(
                    opened.id,
                    StandardDecisionInput(
                        line: line,
                        granted: true,
                        grounds: "Beperking vastgesteld.",
                        form: .personalBudget,
                        validFrom: "2026-12-08"
                    ),
                    by: fixture.arnhem
                )
                #expect(decided.decisions.last?.procedure == .standard)
                let events = try await fixture.observedEvents(1, about: request.requestId)
                #expect(events.map(\.properties.type) == ["indication.decided"])
            }
        }
    }
}
