import Contracts
import Foundation
import Indication
import TestKit
import Testing

extension IndicationIntegration {
    /// `frontdesk.arrangement.insufficient` (SPEC §3): a neighbourhood team's report through the
    /// desk reopens a decided assessment as a counted re-indication, once per message; a report
    /// about a request indication never had is dead-lettered.
    @Suite
    struct ArrangementReportTests {
        @Test func aReportReopensTheDecidedCaseOnceAndShowsOnTheWorkList() async throws {
            let fixture = try await IndicationFixture.make("insufficient")
            try await fixture.logins.ensure(fixture.provider, kind: "provider", withQueue: true)
            try await fixture.run {
                let (request, decided) = try await ProviderExchangeTests.decidedCase(fixture)
                let caseID = decided.indicationCase.id
                let report = ArrangementInsufficient(
                    requestId: request.requestId,
                    subjectRef: request.subjectRef,
                    reportedBy: "Wijkteam Arnhem-Oost",
                    reason: "Na een val zijn 3 uur per week niet meer genoeg."
                )
                let messageID = try await fixture.publish(report, correlationId: request.requestId)
                // The desk's relay may send it twice: no second re-indication.
                try await fixture.publish(report, correlationId: request.requestId, messageId: messageID)
                try await eventually("case reopened") {
                    await fixture.count("SELECT count(*) FROM cases WHERE status = 'assessing' AND reindications = 1") == 1
                }
                try await eventually("both deliveries handled") {
                    await fixture.count("SELECT count(*) FROM inbox WHERE message_id = '\(messageID.uuidString.lowercased())'") == 1
                }
                let details = try await fixture.service.details(caseID, by: fixture.arnhem)
                #expect(details.indicationCase.reindications == 1)
                #expect(details.arrangementReports.map(\.reportedBy) == ["Wijkteam Arnhem-Oost"])
                let row = try #require(try await fixture.service.workList(by: fixture.arnhem).first { $0.caseId == caseID })
                #expect(row.reasons.contains(.arrangementInsufficient))

                let stray = ArrangementInsufficient(requestId: UUID(), subjectRef: SubjectRef(), reportedBy: "Wijkteam", reason: "Te weinig")
                let strayID = try await fixture.publish(stray, correlationId: stray.requestId)
                try await eventually("a report without a case is dead-lettered") {
                    await fixture.count(
                        "SELECT count(*) FROM inbox WHERE outcome = 'dead-lettered' AND message_id = '\(strayID.uuidString.lowercased())'"
                    ) == 1
                }
            }
        }
    }
}
