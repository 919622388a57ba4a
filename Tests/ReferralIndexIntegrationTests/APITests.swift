import Contracts
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ReferralIndex
import ServiceHTTP
import TestKit
import Testing

extension ReferralIndexIntegration {
    /// The professionals' JSON API: deny by default, accounts and API keys, problem+json with the
    /// field, audited refusals, and its OpenAPI document (`docs/openapi-referral-index.yaml`,
    /// fuzzed by schemathesis in scripts/browser-test.sh) lists exactly the routes served.
    @Suite
    struct APITests {
        static func router(_ fixture: ReferralIndexFixture) -> Router<ReferralIndexRequestContext> {
            ReferralIndexAPI.router(
                service: fixture.service,
                authenticator: PasswordAuthenticator(pool: fixture.pool, cost: 4) { username, tx in
                    try ProfessionalRepository.find(username: username, in: tx)
                }
            )
        }

        static func basic(_ account: Professional) -> HTTPFields {
            [
                .authorization: "Basic " + Data("\(account.username):\(ReferralIndexFixture.password)".utf8).base64EncodedString(),
                .contentType: "application/json",
            ]
        }

        static func body(_ json: String) -> ByteBuffer { ByteBuffer(string: json) }

        static func decode<T: Decodable>(_ type: T.Type, _ buffer: ByteBuffer) throws -> T {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            return try decoder.decode(T.self, from: Data(String(buffer: buffer).utf8))
        }

        @Test func theDocumentMatchesTheRoutes() async throws {
            let fixture = try await ReferralIndexFixture.make("openapi")
            try await fixture.run {
                let served = Set(
                    Self.router(fixture).routes.map { OpenAPIOperations.served(method: $0.method.rawValue, path: $0.path.description) }
                        .filter { $0.contains(" /api/v1/") }
                )
                let documented = try OpenAPIOperations.documented(in: OpenAPIOperations.document("openapi-referral-index.yaml"))
                #expect(served.count == 12, "the router lists its routes")
                #expect(served.subtracting(documented).isEmpty, "served but not documented: \(served.subtracting(documented).sorted())")
                #expect(documented.subtracting(served).isEmpty, "documented but not served: \(documented.subtracting(served).sorted())")
            }
        }

        @Test func professionalsSignalSeeTheirMatchAndRecordTheCentralContact() async throws {
            let fixture = try await ReferralIndexFixture.make("api_flow")
            try await fixture.run {
                let sanne = try await fixture.account("sanne", role: .professional, organisation: fixture.jeugdzorg)
                let joost = try await fixture.account("joost", role: .professional, organisation: fixture.school)
                let carla = try await fixture.account("carla", role: .coordinator)
                let app = Application(router: Self.router(fixture))
                try await app.test(.router) { client in
                    // Deny by default.
                    try await client.execute(uri: "/api/v1/signals", method: .get) { response in
                        #expect(response.status == .unauthorized)
                        #expect(response.headers[.contentType] == "application/problem+json")
                    }
                    // A wrong password: refused and recorded.
                    var wrong = Self.basic(sanne)
                    wrong[.authorization] = "Basic " + Data("\(sanne.username):not-the-password".utf8).base64EncodedString()
                    try await client.execute(uri: "/api/v1/signals", method: .get, headers: wrong) { response in
                        #expect(response.status == .unauthorized)
                    }
                    #expect(await fixture.count("SELECT count(*) FROM login_refusals WHERE reason = 'wrong-credentials'") == 1)
                    // A refusal names the field, is audited, and stores nothing.
                    let invalid = #"{"bsn":"123456789","birthDate":"2011-05-01","youngPersonInformed":true,"parentsInformed":true}"#
                    try await client.execute(uri: "/api/v1/signals", method: .post, headers: Self.basic(sanne), body: Self.body(invalid)) {
                        response in
                        #expect(response.status == .unprocessableContent)
                        let problem = String(buffer: response.body)
                        #expect(problem.contains("invalid-bsn") && problem.contains(#""field":"bsn""#), "\(problem)")
                    }
                    #expect(await fixture.count("SELECT count(*) FROM signals") == 0)
                    #expect(await fixture.count("SELECT count(*) FROM audit_log WHERE action = 'refused' AND detail = 'invalid-bsn'") == 1)

                    let valid = #"{"bsn":"123456782","birthDate":"2011-05-01","youngPersonInformed":true,"parentsInformed":true}"#
                    var sanneSignal: UUID?
                    try await client.execute(uri: "/api/v1/signals", method: .post, headers: Self.basic(sanne), body: Self.body(valid)) {
                        response in
                        #expect(response.status == .created)
                        let receipt = try Self.decode(SignalReceipt.self, response.body)
                        #expect(receipt.outcome == "registered" && receipt.matches.isEmpty)
                        #expect(receipt.signal.professional.email == "sanne@example.nl", "the account's own contact")
                        sanneSignal = receipt.signal.id
                    }
                    var matchID: UUID?
                    try await client.execute(uri: "/api/v1/signals", method: .post, headers: Self.basic(joost), body: Self.body(valid)) {
                        response in
                        let receipt = try Self.decode(SignalReceipt.self, response.body)
                        #expect(receipt.matches.count == 1)
                        #expect(receipt.matches.first?.participants.map(\.name).sorted() == ["Joost", "Sanne"])
                        matchID = receipt.matches.first?.id
                    }
                    let match = try #require(matchID)
                    // Joost cannot withdraw Sanne's signal.
                    try await client.execute(
                        uri: "/api/v1/signals/\(try #require(sanneSignal))/withdrawal",
                        method: .post,
                        headers: Self.basic(joost),
                        body: Self.body(#"{"reason":"unjustified"}"#)
                    ) { response in
                        #expect(response.status == .forbidden)
                    }
                    // Sanne sees the match with Joost's contact and records the central contact.
                    try await client.execute(uri: "/api/v1/matches", method: .get, headers: Self.basic(sanne)) { response in
                        let matches = try Self.decode([MatchView].self, response.body)
                        #expect(matches.map(\.id) == [match])
                        #expect(matches.first?.participants.contains { $0.email == "joost@example.nl" } == true)
                    }
                    let coordination = #"{"centralContactSignalId":"\#(try #require(sanneSignal))","coordinated":true}"#
                    try await client.execute(
                        uri: "/api/v1/matches/\(match)/coordination",
                        method: .post,
                        headers: Self.basic(sanne),
                        body: Self.body(coordination)
                    ) { response in
                        let view = try Self.decode(MatchView.self, response.body)
                        #expect(view.centralContactSignalId == sanneSignal && view.coordinatedAt != nil && !view.needsAttention)
                    }
                    // The coordinator's work list shows a match only when something is missing after the term.
                    fixture.clock.set(TestClock.at(2026, 12, 22))
                    try await client.execute(uri: "/api/v1/work-list", method: .get, headers: Self.basic(carla)) { response in
                        let list = try Self.decode([MatchView].self, response.body)
                        #expect(list.isEmpty)
                    }
                    try await client.execute(uri: "/api/v1/work-list", method: .get, headers: Self.basic(sanne)) { response in
                        #expect(response.status == .forbidden)
                    }
                    // Subject access: which organisations signalled, when; audited with the authorisation.
                    try await client.execute(
                        uri: "/api/v1/subject-access",
                        method: .post,
                        headers: Self.basic(carla),
                        body: Self.body(#"{"bsn":"123456782","authorisation":"AVG-2026-17"}"#)
                    ) { response in
                        let report = try Self.decode(SubjectAccessReport.self, response.body)
                        #expect(Set(report.entries.map(\.organisation)) == [fixture.jeugdzorg.description, fixture.school.description])
                    }
                    #expect(await fixture.count("SELECT count(*) FROM audit_log WHERE action = 'subject-access' AND detail LIKE '%AVG-2026-17'") == 1)
                }
            }
        }

        @Test func anOrganisationsSystemSignalsWithItsAPIKey() async throws {
            let fixture = try await ReferralIndexFixture.make("api_key")
            try await fixture.run {
                let key = "test-api-key-\(UUID().uuidString)"
                try await fixture.pool.withTransaction { tx in try OrganisationRepository.setAPIKey(key, of: fixture.politie, in: tx) }
                let app = Application(router: Self.router(fixture))
                try await app.test(.router) { client in
                    let bearer: HTTPFields = [.authorization: "Bearer \(key)", .contentType: "application/json"]
                    let withoutContact = #"{"bsn":"123456782","birthDate":"2011-05-01","youngPersonInformed":true,"parentsInformed":true}"#
                    try await client.execute(uri: "/api/v1/signals", method: .post, headers: bearer, body: Self.body(withoutContact)) { response in
                        #expect(response.status == .unprocessableContent, "a system names the professional")
                    }
                    let withContact = #"""
                        {"bsn":"123456782","birthDate":"2011-05-01","youngPersonInformed":true,"parentsInformed":true,
                         "professional":{"name":"Petra Bos","phone":"026 555 1234","email":"petra@politie.example"}}
                        """#
                    try await client.execute(uri: "/api/v1/signals", method: .post, headers: bearer, body: Self.body(withContact)) { response in
                        #expect(response.status == .created)
                    }
                    let wrong: HTTPFields = [.authorization: "Bearer not-the-key-of-anyone-at-all", .contentType: "application/json"]
                    try await client.execute(uri: "/api/v1/signals", method: .get, headers: wrong) { response in
                        #expect(response.status == .unauthorized)
                    }
                }
                #expect(await fixture.count("SELECT count(*) FROM signals WHERE organisation = '\(fixture.politie)'") == 1)
            }
        }
    }
}
