import Contracts
import Foundation
import Messaging
import ReferralIndex
import Storage
import TestKit
import Testing

extension ReferralIndexIntegration {
    /// The index holds no BSN and no content (SPEC §5): after a scripted run with registrations,
    /// a family, a withdrawal, a refusal and a subject-access report, no table and no message
    /// the index published holds a test BSN or the marker of a worry sent along in the body.
    /// A municipality's switch-off purges all of its data and nothing of another's.
    @Suite
    struct PrivacyTests {
        static let bsns = ["123456782", "100000009", "100000010", "100000022", "100000034"]
        static let marker = "ZORGMARKER-vermoeden-van-verwaarlozing"

        @Test func noBSNAndNoContentInAnyTableOrMessage() async throws {
            let fixture = try await ReferralIndexFixture.make("privacy_scan")
            try await fixture.run {
                let sanne = ReferralIndexFixture.professional("Sanne de Wit", of: fixture.jeugdzorg)
                let joost = ReferralIndexFixture.professional("Joost Visser", of: fixture.school)
                // A body with a field the contract does not have, carrying the worry itself.
                func withWorry(_ registration: SignalRegistered, as organisation: OrganisationKey) throws -> Data {
                    let envelope = Envelope(registration, correlationId: UUID(), municipality: .arnhem, producer: "\(organisation)")
                    var json = try JSONSerialization.jsonObject(with: try ContractJSON.encoder().encode(envelope)) as! [String: Any]
                    var payload = json["payload"] as! [String: Any]
                    payload["worry"] = Self.marker
                    json["payload"] = payload
                    return try JSONSerialization.data(withJSONObject: json)
                }
                var published: [Delivery] = []
                try await fixture.publishRaw(
                    withWorry(ReferralIndexFixture.registration("100000009", by: sanne, parents: ["100000010", "100000022"]), as: fixture.jeugdzorg),
                    type: SignalRegistered.messageType,
                    as: fixture.jeugdzorg
                )
                published += try await fixture.messages(for: fixture.jeugdzorg, 1)
                try await fixture.publishRaw(
                    withWorry(ReferralIndexFixture.registration("100000034", by: joost, parents: ["100000010"]), as: fixture.school),
                    type: SignalRegistered.messageType,
                    as: fixture.school
                )
                try await fixture.publish(ReferralIndexFixture.registration("100000009", by: joost), as: fixture.school)
                published += try await fixture.messages(for: fixture.school, 4)
                published += try await fixture.messages(for: fixture.jeugdzorg, 2)
                published += try await fixture.messages(for: fixture.regie, 2)
                try await fixture.publish(ReferralIndexFixture.registration("123456782", by: sanne, born: "1990-01-01"), as: fixture.jeugdzorg)
                published += try await fixture.messages(for: fixture.jeugdzorg, 1)
                let coordinator = try await fixture.account("carla", role: .coordinator)
                _ = try await fixture.service.subjectAccess(SubjectAccessInput(bsn: "100000009", authorisation: "AVG-1"), by: coordinator)
                #expect(published.count == 10)

                // Every message the index sent: no BSN, no marker.
                for delivery in published {
                    let text = String(decoding: delivery.body, as: UTF8.self)
                    for needle in Self.bsns + [Self.marker] { #expect(!text.contains(needle), "\(delivery.properties.type ?? "?") holds \(needle)") }
                }
                // The relay has sent everything (the dead letter of the refusal holds what the sender sent).
                try await eventually("outbox sent") { await fixture.count("SELECT count(*) FROM outbox") == 0 }
                // Every column of every table of the schema, as text (bytea as hex).
                let rows = try await fixture.pool.withTransaction { tx in
                    let tables = try tx.query(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = \(fixture.schema) AND table_type = 'BASE TABLE'"
                    ).rows.map { try $0.decode(String.self, "table_name") }
                    var texts: [String] = []
                    for table in tables {
                        let dump = try tx.query(SQLQuery(unsafeSQL: "SELECT row_to_json(t)::text AS row FROM \"\(table)\" t"))
                        texts += try dump.rows.map { "\(table): " + (try $0.decode(String.self, "row")) }
                    }
                    return texts
                }
                #expect(rows.count > 20, "the scan read the tables")
                for row in rows {
                    for needle in Self.bsns + [Self.marker] { #expect(!row.contains(needle), "stored: \(row.prefix(120))") }
                }
            }
        }

        @Test func aSwitchOffPurgesTheMunicipalityAndNothingElse() async throws {
            let fixture = try await ReferralIndexFixture.make("switch_off")
            try await fixture.run {
                let sanne = ReferralIndexFixture.professional("Sanne de Wit", of: fixture.jeugdzorg)
                let joost = ReferralIndexFixture.professional("Joost Visser", of: fixture.school)
                let anna = ReferralIndexFixture.professional("Anna Smit", of: fixture.nijmegen)
                try await fixture.publish(ReferralIndexFixture.registration("123456782", by: sanne, parents: ["100000010"]), as: fixture.jeugdzorg)
                try await fixture.publish(ReferralIndexFixture.registration("123456782", by: joost), as: fixture.school)
                try await fixture.publish(ReferralIndexFixture.registration("123456782", by: anna), as: fixture.nijmegen)
                _ = try await fixture.messages(for: fixture.school, 2)
                _ = try await fixture.messages(for: fixture.nijmegen, 1)
                _ = try await fixture.messages(for: fixture.jeugdzorg, 2)
                let admin = try await fixture.account("beheer", role: .administrator)
                await #expect(throws: ReferralIndexError.confirmationMissing) {
                    try await fixture.service.switchOff(confirmation: "yes", by: admin)
                }
                let report = try await fixture.service.switchOff(confirmation: "0202", by: admin)
                #expect(report.signals == 2 && report.matches == 1 && report.notifications == 3 && report.auditEntries > 5)
                for table in ["signals", "matches"] {
                    #expect(await fixture.count("SELECT count(*) FROM \(table) WHERE municipality = '0202'") == 0, "\(table)")
                }
                #expect(await fixture.count("SELECT count(*) FROM audit_log WHERE municipality = '0202'") == 1, "only the purge's own entry")
                #expect(await fixture.count("SELECT count(*) FROM audit_log WHERE municipality = '0202' AND action = 'switched-off'") == 1)
                // What hangs off signals and matches went with them; Nijmegen's signal has no parents or match.
                for table in ["signal_parents", "match_signals", "notifications", "remote_participants"] {
                    #expect(await fixture.count("SELECT count(*) FROM \(table)") == 0, "\(table)")
                }
                try await eventually("outbox sent") { await fixture.count("SELECT count(*) FROM outbox") == 0 }
                #expect(await fixture.count("SELECT count(*) FROM signals WHERE municipality = '0268'") == 1, "Nijmegen keeps its index")
                #expect(await fixture.count("SELECT count(*) FROM switch_offs WHERE municipality = '0202'") == 1)
                // Arnhem's organisations are refused from now on; Nijmegen's go on as before.
                try await fixture.publish(ReferralIndexFixture.registration("100000009", by: sanne), as: fixture.jeugdzorg)
                let refused = try await fixture.messages(for: fixture.jeugdzorg, 1)
                #expect(refused.first?.properties.type == MessageRejected.messageType)
                try await fixture.publish(ReferralIndexFixture.registration("100000009", by: anna), as: fixture.nijmegen)
                #expect(try await fixture.messages(for: fixture.nijmegen, 1).first?.properties.type == SignalRecorded.messageType)
                #expect(try await fixture.service.switchOff(confirmation: "0202", by: admin) == report, "a second switch-off reports the first")
            }
        }
    }
}
