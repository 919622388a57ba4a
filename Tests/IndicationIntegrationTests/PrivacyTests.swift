import Contracts
import Foundation
import Indication
import TestKit
import Testing

extension IndicationIntegration {
    /// Indication stores and publishes no name, BSN or address: its schema has no column for
    /// one, and what it publishes names the person only by subjectRef.
    @Suite
    struct PrivacyTests {
        @Test func noColumnHoldsAnIdentityAndNoEventCarriesOne() async throws {
            let fixture = try await IndicationFixture.make("privacy")
            try await fixture.run {
                let columns = try await fixture.pool.withConnection { connection in
                    try connection.query(
                        "SELECT column_name::text FROM information_schema.columns WHERE table_schema = \(fixture.schema)"
                    ).rows.map { try $0.decode(String.self, at: 0) }
                }
                #expect(columns.contains("subject_ref"))
                let identities = ["bsn", "name", "given_names", "family_name", "street", "address", "postcode", "phone", "email", "birth"]
                let found = columns.filter { column in identities.contains { column.contains($0) } && !["display_name", "username"].contains(column) }
                #expect(found.isEmpty, "identity-like columns: \(found)")

                let request = IndicationFixture.request()
                try await fixture.publish(request, correlationId: request.requestId)
                let opened = try await fixture.caseOf(request)
                _ = try await fixture.service.decideStandard(
                    opened.id,
                    StandardDecisionInput(
                        line: LineInput(
                            layer: .individualProvision,
                            deliveredBy: "Vervoerder",
                            activity: "Regiotaxi-pas",
                            category: .transport,
                            intendedResult: "Naar de dagbesteding",
                            whyEarlierLayersDoNotSuffice: "Geen openbaar vervoer bereikbaar."
                        ),
                        granted: true,
                        grounds: "Vervoer nodig.",
                        form: .personalBudget,
                        validFrom: "2026-12-08"
                    ),
                    by: fixture.arnhem
                )
                let event = try #require(try await fixture.observedEvents(1, about: request.requestId).first)
                let json = try #require(try JSONSerialization.jsonObject(with: event.body) as? [String: Any])
                let payload = try #require(json["payload"] as? [String: Any])
                let keys = Set(payload.keys)
                #expect(keys.isDisjoint(with: ["bsn", "name", "address", "email", "phone", "birthDate"]), "\(keys)")
                #expect((payload["subjectRef"] as? String)?.lowercased() == request.subjectRef.description)
            }
        }
    }
}
