import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Indication
import ServiceHTTP
import TestKit
import Testing

extension IndicationIntegration {
    /// The assessors' API over HTTP: deny by default, problem+json, and its OpenAPI document
    /// (`docs/openapi-indication.yaml`, fuzzed by schemathesis in scripts/browser-test.sh) lists
    /// exactly the routes served.
    @Suite
    struct APITests {
        static func router(_ fixture: IndicationFixture) -> Router<IndicationRequestContext> {
            IndicationAPI.router(
                service: fixture.service,
                authenticator: PasswordAuthenticator(pool: fixture.pool, cost: 4) { username, tx in
                    try AssessorRepository.find(username: username, in: tx)
                }
            )
        }

        static func basic(_ assessor: Assessor) -> String {
            "Basic " + Data("\(assessor.id.rawValue):\(IndicationFixture.password)".utf8).base64EncodedString()
        }

        @Test func theDocumentMatchesTheRoutes() async throws {
            let fixture = try await IndicationFixture.make("openapi")
            try await fixture.run {
                let served = Set(
                    Self.router(fixture).routes.map { OpenAPIOperations.served(method: $0.method.rawValue, path: $0.path.description) }
                        .filter { $0.contains(" /api/v1/") }
                )
                let documented = try OpenAPIOperations.documented(in: OpenAPIOperations.document("openapi-indication.yaml"))
                #expect(served.count == 12, "the router lists its routes")
                #expect(served.subtracting(documented).isEmpty, "served but not documented: \(served.subtracting(documented).sorted())")
                #expect(documented.subtracting(served).isEmpty, "documented but not served: \(documented.subtracting(served).sorted())")
            }
        }

        @Test func withoutLoginNothingAndRuleBreachesAreProblems() async throws {
            let fixture = try await IndicationFixture.make("api")
            try await fixture.run {
                let request = IndicationFixture.request()
                try await fixture.publish(request, correlationId: request.requestId)
                let opened = try await fixture.caseOf(request)
                let app = Application(router: Self.router(fixture))
                try await app.test(.router) { client in
                    try await client.execute(uri: "/api/v1/work-list", method: .get) { response in
                        #expect(response.status == .unauthorized)
                        #expect(response.headers[.contentType] == "application/problem+json")
                        #expect(response.headers[.wwwAuthenticate]?.contains("wmo-indicatie") == true)
                    }
                    let json: HTTPFields = [.authorization: Self.basic(fixture.arnhem), .contentType: "application/json"]
                    try await client.execute(uri: "/api/v1/work-list", method: .get, headers: json) { response in
                        #expect(response.status == .ok)
                        #expect(String(buffer: response.body).contains(opened.id.uuidString))
                    }
                    let line =
                        #"{"layer":"individual-provision","deliveredBy":"Thuiszorg","activity":"Schoonmaken","category":"household-help","intendedResult":"Schoon huis"}"#
                    try await client.execute(
                        uri: "/api/v1/cases/\(opened.id)/lines",
                        method: .post,
                        headers: json,
                        body: ByteBuffer(string: line)
                    ) { response in
                        #expect(response.status == .unprocessableContent)
                        let problem = try JSONDecoder().decode(Problem.self, from: response.body)
                        #expect(problem.type == "urn:wmo:problem:p4-reason-missing")
                        #expect(problem.field == "whyEarlierLayersDoNotSuffice")
                    }
                    try await client.execute(uri: "/api/v1/cases/\(opened.id)", method: .get, headers: [.authorization: Self.basic(fixture.nijmegen)])
                    {
                        response in
                        #expect(response.status == .notFound)
                    }
                    try await client.execute(
                        uri: "/api/v1/cases/\(opened.id)/assignment",
                        method: .post,
                        headers: [.authorization: Self.basic(fixture.arnhem)]
                    ) {
                        response in
                        #expect(response.status == .unsupportedMediaType)
                    }
                }
            }
        }
    }
}
