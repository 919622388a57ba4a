import Contracts
import Foundation
import Indication
import Messaging
import TestKit
import Testing

extension IndicationIntegration {
    /// A complex case goes to the independent assessor organisation over its queue; its advice
    /// comes back from its own login, and nobody else's counts.
    @Suite
    struct AdviceRoundTripTests {
        @Test func aComplexCaseIsAdvisedByItsAssessorOrganisationOnly() async throws {
            let fixture = try await IndicationFixture.make("advice")
            try await fixture.logins.ensure(fixture.adviser, kind: "assessor", withQueue: true)
            try await fixture.run {
                let request = IndicationFixture.request([.mentalHealth, .finances])
                try await fixture.publish(request, correlationId: request.requestId)
                let opened = try await fixture.caseOf(request)
                #expect(opened.status == .awaitingAdvice && opened.route == .independentAssessor)
                let asked = try #require(try await fixture.adviserMessages(1).first)
                let payload = try ContractJSON.decoder().decode(Envelope<AdviceRequested>.self, from: asked.body).payload
                #expect(payload.caseId == opened.id && payload.subjectRef == request.subjectRef)
                #expect(payload.adviceDue == "2026-12-14")
                await #expect(throws: IndicationError.awaitingAdvice) {
                    try await fixture.service.recordAssessment(opened.id, AssessmentInput(scores: ["finances": 2]), by: fixture.arnhem)
                }

                // Another organisation's login cannot advise on this case.
                let other = OrganisationKey(municipality: .arnhem, id: "\(fixture.adviser.id)-x")
                let forged = try await fixture.publishAdvice(AdviceGiven(caseId: opened.id, advice: "Vals advies"), as: other)
                try await eventually("forged advice dead-lettered") {
                    await fixture.count(
                        "SELECT count(*) FROM inbox WHERE outcome = 'dead-lettered' AND message_id = '\(forged.uuidString.lowercased())'"
                    ) == 1
                }
                #expect(try await fixture.service.details(opened.id, by: fixture.arnhem).indicationCase.status == .awaitingAdvice)

                try await fixture.publishAdvice(
                    AdviceGiven(
                        caseId: opened.id,
                        advice: "Begeleiding individueel, 2 uur per week.",
                        recommendedCategories: [.support],
                        suggestedProfile: 5
                    ),
                    as: fixture.adviser
                )
                try await eventually("advice recorded") {
                    try await fixture.service.details(opened.id, by: fixture.arnhem).indicationCase.status == .assessing
                }
                let advised = try await fixture.service.details(opened.id, by: fixture.arnhem).indicationCase
                #expect(advised.advice?.recommendedCategories == [.support] && advised.advice?.suggestedProfile == 5)
                #expect(advised.advice?.organisation == fixture.adviser.description)
            }
        }
    }
}
