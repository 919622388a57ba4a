import Contracts
import Foundation
import Matching
import Messaging
import Storage
import TestKit
import Testing

extension MatchingIntegration {
    /// Matching stores and publishes no BSN and no name of a client (SPEC §4, privacy by design):
    /// the client is a subjectRef with a clarified question; only volunteers and carers, who
    /// registered themselves with their consent, have a name here.
    @Suite
    struct PrivacyTests {
        /// What the desk knows of the client and never passes on.
        static let identity = ["Johanna", "Verbeek", "123456782", "Hommelseweg", "1941-05-17", "johanna@example.nl", "0612345670"]

        @Test func aScriptedRunLeavesNoTraceOfTheClientInAnyRowOrMessage() async throws {
            let fixture = try await MatchingFixture.make("privacy")
            try await fixture.run {
                var published: [Delivery] = []
                let subject = SubjectRef()
                try await fixture.publish(MatchingFixture.volunteer("V-50", name: "Anneke de Vries"), as: fixture.centre)
                published += try await fixture.messages(for: fixture.centre, 1)

                // The desk's request, indication's line and the carer's registration: the whole
                // intake of one client, each by subjectRef only.
                try await fixture.publishDeskRequest("Mevrouw zoekt iemand voor een wekelijks bezoek.", subjectRef: subject)
                let offers = try await fixture.messages(for: fixture.centre, 1)
                published += offers
                let offer = try #require(try MatchingFixture.payloads(ProposalOffered.self, in: offers).first)
                try await fixture.publish(ProposalAnswered(proposalId: offer.proposalId, answer: "accepted"), as: fixture.centre)
                published += try await fixture.outcomeEvents(1)
                try await fixture.publishEvent(
                    InformalSupportRequested(
                        requestId: UUID(),
                        lineId: UUID(),
                        subjectRef: subject,
                        task: .shopping,
                        question: "Boodschappen op vrijdag; mevrouw kan niet meer tillen.",
                        certificateRequired: false,
                        urgency: .normal
                    ),
                    producer: "indication"
                )
                // A question with a BSN in it does not get in at all.
                try await fixture.publishDeskRequest("Mevrouw (BSN 123456782) zoekt gezelschap.", subjectRef: subject)
                try await eventually("the line is stored and the BSN question dead-lettered") {
                    let stored = await fixture.count("SELECT count(*) FROM support_requests")
                    let refused = try await fixture.admin.messageCount("\(fixture.inbound.name).dlq")
                    return stored == 2 && refused == 1
                }
                _ = try await fixture.service.registerCarer(
                    CarerInput(
                        name: "Piet de Groot",
                        phone: "06 9876 5432",
                        consentedAt: TestClock.at(2026, 12, 1),
                        postcode: "6824 AA",
                        caredFor: subject.rawValue,
                        hoursPerWeek: 30,
                        since: "2022-01-01",
                        burden: 8,
                        supportWanted: ["respite"]
                    ),
                    by: fixture.coordinator
                )
                _ = try await fixture.service.start(offer.proposalId, by: fixture.coordinator)
                _ = try await fixture.service.end(offer.proposalId, EndInput(evaluation: "Goede bezoeken."), by: fixture.coordinator)
                _ = try await fixture.service.runAppreciation(year: 2026, by: fixture.coordinator)
                // Overburdened, ended, the appreciation list.
                published += try await fixture.outcomeEvents(3)

                // Every row of every table, read as text: no trace of the client's identity.
                let tables = try await fixture.pool.withConnection { connection in
                    try connection.query(
                        """
                        SELECT table_name::text FROM information_schema.tables
                        WHERE table_schema = \(fixture.schema) AND table_type = 'BASE TABLE' ORDER BY 1
                        """
                    ).rows.map { try $0.decode(String.self, at: 0) }
                }
                #expect(tables.contains("support_requests") && tables.contains("proposals") && tables.contains("inbox"))
                let pattern = "(" + Self.identity.joined(separator: "|") + ")"
                var rows = 0
                for table in tables {
                    rows += await fixture.count("SELECT count(*) FROM \"\(fixture.schema)\".\"\(table)\"")
                    let traces = await fixture.count(
                        "SELECT count(*) FROM \"\(fixture.schema)\".\"\(table)\" t WHERE t::text ~* '\(pattern)'"
                    )
                    #expect(traces == 0, "\(table) holds \(traces) rows with the client's identity")
                }
                #expect(rows > 15, "the run stored \(rows) rows")
                #expect(await fixture.count("SELECT count(*) FROM support_requests WHERE subject_ref = '\(subject)'") == 2)
                #expect(await fixture.count("SELECT count(*) FROM carers WHERE cared_for = '\(subject)'") == 1)

                // The tables about the client have no column that could hold an identity.
                let columns = try await fixture.pool.withConnection { connection in
                    try connection.query(
                        """
                        SELECT column_name::text FROM information_schema.columns
                        WHERE table_schema = \(fixture.schema) AND table_name IN ('support_requests', 'proposals')
                        """
                    ).rows.map { try $0.decode(String.self, at: 0) }
                }
                let identityLike = ["bsn", "name", "address", "street", "postcode", "phone", "email", "birth"]
                let found = columns.filter { column in identityLike.contains { column.contains($0) } }
                #expect(found.isEmpty, "identity-like columns: \(found)")

                // Nor does anything matching published.
                #expect(published.count == 6)
                for delivery in published {
                    let body = String(decoding: delivery.body, as: UTF8.self)
                    let trace = Self.identity.first { body.localizedCaseInsensitiveContains($0) }
                    #expect(trace == nil, "\(delivery.properties.type ?? "?") carries \(trace ?? "")")
                }
                let keys = try published.filter { $0.properties.type?.hasPrefix("matching.") == true }.flatMap { delivery in
                    let json = try #require(try JSONSerialization.jsonObject(with: delivery.body) as? [String: Any])
                    return (try #require(json["payload"] as? [String: Any])).keys
                }
                #expect(Set(keys).isDisjoint(with: ["bsn", "name", "address", "birthDate", "email", "phone"]), "\(Set(keys))")
            }
        }
    }
}
