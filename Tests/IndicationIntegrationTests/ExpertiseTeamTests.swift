import Contracts
import Foundation
import Indication
import TestKit
import Testing

extension IndicationIntegration {
    /// The expertise team (SPEC §3, issue 12 item 8c): multi-problem cases and provisions outside
    /// a regular assessor's mandate go to its own work list, and only its members decide them.
    @Suite
    struct ExpertiseTeamTests {
        @Test func aMultiProblemCaseGoesToTheExpertiseTeamsOwnList() async throws {
            let fixture = try await IndicationFixture.make("expertise")
            try await fixture.run {
                let request = IndicationFixture.request()
                try await fixture.publish(request, correlationId: request.requestId)
                let opened = try await fixture.caseOf(request)
                let scored = try await fixture.service.recordAssessment(
                    opened.id,
                    AssessmentInput(scores: ["finances": 1, "housing": 2, "mental-health": 2, "social-network": 2, "basic-adl": 4]),
                    by: fixture.arnhem
                )
                #expect(scored.indicationCase.route == .expertiseTeam && scored.indicationCase.assignee == nil)

                // Off the regular list, on the team's own.
                #expect(try await fixture.service.workList(by: fixture.arnhem).allSatisfy { $0.caseId != opened.id })
                let row = try #require(try await fixture.service.workList(by: fixture.expertise).first { $0.caseId == opened.id })
                #expect(row.reasons.contains(.expertiseTeam))

                // Only a member changes it.
                await #expect(throws: IndicationError.expertiseTeamCase) {
                    try await fixture.service.take(opened.id, by: fixture.arnhem)
                }
                let taken = try await fixture.service.take(opened.id, by: fixture.expertise)
                #expect(taken.indicationCase.assignee == fixture.expertise.id)
            }
        }

        @Test func aProvisionOutsideTheMandateSendsTheCaseToTheTeam() async throws {
            let fixture = try await IndicationFixture.make("mandate")
            try await fixture.run {
                let request = IndicationFixture.request()
                try await fixture.publish(request, correlationId: request.requestId)
                let opened = try await fixture.caseOf(request)
                _ = try await fixture.service.recordAssessment(opened.id, AssessmentInput(scores: ["housing": 2]), by: fixture.arnhem)
                let line = LineInput(
                    layer: .individualProvision,
                    deliveredBy: "RIBW",
                    activity: "Beschermd wonen",
                    category: .shelteredHousing,
                    intendedResult: "Stabiel wonen",
                    whyEarlierLayersDoNotSuffice: "Zelfstandig wonen lukt niet, ook niet met begeleiding."
                )
                let routed = try await fixture.service.addLine(opened.id, line, by: fixture.arnhem)
                #expect(routed.indicationCase.route == .expertiseTeam)
                await #expect(throws: IndicationError.expertiseTeamCase) {
                    try await fixture.service.chooseProfile(opened.id, ProfileInput(profileId: 6, reason: "Past het best"), by: fixture.arnhem)
                }
            }
        }
    }
}
