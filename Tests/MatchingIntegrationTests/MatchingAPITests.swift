import Contracts
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Matching
import ServiceHTTP
import Storage
import TestKit
import Testing

extension MatchingIntegration {
    /// The coordinator's and the centres' JSON API: deny by default, Basic for the coordinator
    /// and API keys for centres (each sees only its own volunteers), problem+json with the field,
    /// logged reads, and its OpenAPI document (`docs/openapi-matching.yaml`, fuzzed by
    /// schemathesis in scripts/browser-test.sh) lists exactly the routes served.
    @Suite
    struct MatchingAPITests {
        static let password = "geheim-wachtwoord"

        static func router(_ fixture: MatchingFixture) -> Router<MatchingRequestContext> {
            MatchingAPI.router(
                service: fixture.service,
                authenticator: PasswordAuthenticator(pool: fixture.pool, cost: 4) { username, tx in
                    try AccountRepository.findCoordinator(username: username, in: tx)
                }
            )
        }

        static func coordinatorHeaders(_ fixture: MatchingFixture) -> HTTPFields {
            [
                .authorization: "Basic " + Data("\(fixture.coordinator.username):\(password)".utf8).base64EncodedString(),
                .contentType: "application/json",
            ]
        }

        static func bearer(_ key: String) -> HTTPFields { [.authorization: "Bearer \(key)", .contentType: "application/json"] }

        static func decode<T: Decodable>(_ type: T.Type, _ buffer: ByteBuffer) throws -> T {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            return try decoder.decode(T.self, from: Data(String(buffer: buffer).utf8))
        }

        static func prepare(_ fixture: MatchingFixture) async throws -> (String, String) {
            let hash = await PasswordAuthenticator<Coordinator>.hash(password, cost: 4)
            let key = "centre-key-\(UUID().uuidString)"
            let otherKey = "other-key-\(UUID().uuidString)"
            try await fixture.pool.withTransaction { tx in
                try AccountRepository.insertCoordinator(fixture.coordinator, passwordHash: hash, in: tx)
                try AccountRepository.setAPIKey(key, of: fixture.centre, in: tx)
                try AccountRepository.setAPIKey(otherKey, of: fixture.otherCentre, in: tx)
            }
            return (key, otherKey)
        }

        static let volunteer = """
            {"name": "Anneke de Vries", "phone": "06 1234 5678", "consentedAt": "2026-12-01T09:00:00Z", "postcode": "6821 AB",
             "tasks": ["visiting"], "availability": ["monday-morning"], "maxDistanceKm": 5, "reference": "V-1"}
            """

        @Test func theDocumentMatchesTheRoutes() async throws {
            let fixture = try await MatchingFixture.make("openapi")
            try await fixture.run {
                let served = Set(
                    Self.router(fixture).routes.map { OpenAPIOperations.served(method: $0.method.rawValue, path: $0.path.description) }
                        .filter { $0.contains(" /api/v1/") }
                )
                let documented = try OpenAPIOperations.documented(in: OpenAPIOperations.document("openapi-matching.yaml"))
                #expect(served.count == 16, "the router lists its routes")
                #expect(served.subtracting(documented).isEmpty, "served but not documented: \(served.subtracting(documented).sorted())")
                #expect(documented.subtracting(served).isEmpty, "documented but not served: \(documented.subtracting(served).sorted())")
            }
        }

        @Test func centresRegisterTheirOwnVolunteersAndTheCoordinatorSeesCarersUnderHighBurden() async throws {
            let fixture = try await MatchingFixture.make("api_flow")
            try await fixture.run {
                let (key, otherKey) = try await Self.prepare(fixture)
                let app = Application(router: Self.router(fixture))
                try await app.test(.router) { client in
                    // Deny by default.
                    try await client.execute(uri: "/api/v1/volunteers", method: .get) { response in
                        #expect(response.status == .unauthorized)
                        #expect(response.headers[.contentType] == "application/problem+json")
                    }
                    var volunteerID = UUID()
                    try await client.execute(
                        uri: "/api/v1/volunteers",
                        method: .post,
                        headers: Self.bearer(key),
                        body: ByteBuffer(string: Self.volunteer)
                    ) { response in
                        #expect(response.status == .created)
                        let view = try Self.decode(VolunteerView.self, response.body)
                        #expect(view.centre == fixture.centre.description && view.district == "Klarendal" && view.certificate == "none")
                        volunteerID = view.id
                    }
                    // The other centre does not see it; the coordinator does, and the read is logged.
                    try await client.execute(uri: "/api/v1/volunteers/\(volunteerID)", method: .get, headers: Self.bearer(otherKey)) { response in
                        #expect(response.status == .notFound)
                    }
                    try await client.execute(uri: "/api/v1/volunteers/\(volunteerID)", method: .get, headers: Self.coordinatorHeaders(fixture)) {
                        response in
                        #expect(response.status == .ok)
                    }
                    #expect(
                        await fixture.count(
                            "SELECT count(*) FROM access_log WHERE volunteer_id = '\(volunteerID)' AND action = 'read' AND actor = '\(fixture.coordinator.username)'"
                        ) == 1
                    )
                    // Bad input: a clear refusal with the field, nothing stored.
                    for (body, field) in [
                        (Self.volunteer.replacingOccurrences(of: "\"visiting\"", with: "\"juggling\""), "tasks"),
                        (Self.volunteer.replacingOccurrences(of: "monday-morning", with: "monday-night"), "availability"),
                        (Self.volunteer.replacingOccurrences(of: "\"consentedAt\": \"2026-12-01T09:00:00Z\",", with: ""), "consentedAt"),
                        (
                            Self.volunteer.replacingOccurrences(
                                of: "\"reference\": \"V-1\"",
                                with: "\"reference\": \"V-2\", \"certificate\": {\"status\": \"issued\", \"issuedOn\": \"2027-01-01\"}"
                            ), "certificate"
                        ),
                    ] {
                        try await client.execute(uri: "/api/v1/volunteers", method: .post, headers: Self.bearer(key), body: ByteBuffer(string: body))
                        {
                            response in
                            #expect(response.status == .unprocessableContent, "\(field)")
                            let problem = try Self.decode(Problem.self, response.body)
                            #expect(problem.field == field)
                        }
                    }
                    #expect(await fixture.count("SELECT count(*) FROM volunteers") == 1)
                    // Coordinator work is the coordinator's.
                    try await client.execute(uri: "/api/v1/carers", method: .get, headers: Self.bearer(key)) { response in
                        #expect(response.status == .forbidden)
                    }
                    try await client.execute(
                        uri: "/api/v1/carers",
                        method: .post,
                        headers: Self.coordinatorHeaders(fixture),
                        body: ByteBuffer(
                            string: """
                                {"name": "Ria Hendriks", "email": "ria@example.nl", "consentedAt": "2026-12-01T09:00:00Z", "postcode": "6824 AA",
                                 "hoursPerWeek": 30, "since": "2021-03-01", "burden": 8, "supportWanted": ["respite"]}
                                """
                        )
                    ) { response in
                        #expect(response.status == .created)
                        let carer = try Self.decode(CarerView.self, response.body)
                        #expect(carer.overburdened)
                    }
                    try await client.execute(uri: "/api/v1/carers", method: .get, headers: Self.coordinatorHeaders(fixture)) { response in
                        let carers = try Self.decode([CarerView].self, response.body)
                        #expect(carers.map(\.name) == ["Ria Hendriks"])
                    }
                    let flagged = try MatchingFixture.payloads(CarerOverburdened.self, in: try await fixture.outcomeEvents(1))
                    #expect(flagged.map(\.burden) == [8])
                    // The appreciation round lists her once a year, however often it runs.
                    for expected in [1, 0] {
                        try await client.execute(
                            uri: "/api/v1/appreciation-rounds",
                            method: .post,
                            headers: Self.coordinatorHeaders(fixture),
                            body: ByteBuffer(string: #"{"year": 2026}"#)
                        ) { response in
                            let round = try Self.decode(AppreciationRound.self, response.body)
                            #expect(round.listed == expected && round.total == 1)
                        }
                    }
                    let listed = try MatchingFixture.payloads(CarerAppreciationListed.self, in: try await fixture.outcomeEvents(1))
                    #expect(listed.map(\.total) == [1])
                    try await client.execute(uri: "/api/v1/appreciation-rounds/2026", method: .get, headers: Self.coordinatorHeaders(fixture)) {
                        response in
                        let entries = try Self.decode([AppreciationEntry].self, response.body)
                        #expect(entries.map(\.name) == ["Ria Hendriks"])
                    }
                }
            }
        }

        @Test func theVolunteerAnswersOnceThroughTheOneTimePageWhichShowsNoClientData() async throws {
            let fixture = try await MatchingFixture.make("answer_page")
            try await fixture.run {
                try await fixture.publish(MatchingFixture.volunteer("V-5", name: "Henk Kok"), as: fixture.centre)
                _ = try await fixture.messages(for: fixture.centre, 1)
                try await fixture.publishDeskRequest("Samen een kopje koffie en een praatje.")
                let offer = try #require(
                    try MatchingFixture.payloads(ProposalOffered.self, in: try await fixture.messages(for: fixture.centre, 1)).first
                )
                let path = String(offer.answerUrl.dropFirst("https://matching.example".count))
                let router = Router(context: MatchingRequestContext.self)
                try await AnswerPage(service: fixture.service).add(to: router)
                try await Application(router: router).test(.router) { client in
                    try await client.execute(uri: path, method: .get) { response in
                        #expect(response.status == .ok)
                        let html = String(buffer: response.body)
                        #expect(html.contains("Beste Henk") && html.contains("Bezoek en gezelschap") && html.contains("Klarendal"))
                        #expect(html.contains("maandagochtend") == false, "the request asked no particular times")
                        #expect(response.headers[.cacheControl] == "no-store")
                    }
                    // No choice: refused next to the field, nothing changes.
                    try await client.execute(
                        uri: path,
                        method: .post,
                        headers: [.contentType: "application/x-www-form-urlencoded"],
                        body: ByteBuffer(string: "reason=")
                    ) { response in
                        #expect(response.status == .unprocessableContent)
                        #expect(String(buffer: response.body).contains("Kies ja of nee."))
                    }
                    try await client.execute(
                        uri: path,
                        method: .post,
                        headers: [.contentType: "application/x-www-form-urlencoded"],
                        body: ByteBuffer(string: "answer=accepted&reason=")
                    ) { response in
                        #expect(response.status == .ok)
                        #expect(String(buffer: response.body).contains("Bedankt voor uw antwoord"))
                    }
                    try await client.execute(uri: path, method: .get) { response in
                        #expect(response.status == .notFound)
                    }
                    try await client.execute(uri: "/antwoord/forged", method: .get) { response in
                        #expect(response.status == .notFound)
                    }
                }
                let matched = try MatchingFixture.payloads(MatchingMatched.self, in: try await fixture.outcomeEvents(1))
                #expect(matched.map(\.volunteerDisplayName) == ["Henk"])
            }
        }
    }
}
