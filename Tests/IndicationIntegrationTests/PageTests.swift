import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Indication
import ServiceHTTP
import StaffPages
import TestKit
import Testing

extension IndicationIntegration {
    /// The assessors' pages over HTTP, on the shared page kit: deny by default, CSRF, the
    /// municipality's own cases only, accessible forms, and a refused line shown at its field.
    /// (The whole flow in a browser: Tests/BrowserTests/assessor_pages_test.py.)
    @Suite
    struct PageTests {
        static func app(_ fixture: IndicationFixture) async throws -> some ApplicationProtocol {
            let router = APITests.router(fixture)
            let authenticator = PasswordAuthenticator<Assessor>(pool: fixture.pool, cost: 4) { username, tx in
                try AssessorRepository.find(username: username, in: tx)
            }
            try await IndicationPages(service: fixture.service, authenticator: authenticator, settings: PageSettings(cookieSecure: false))
                .add(to: router)
            return Application(router: router)
        }

        static func logIn(_ client: some TestClientProtocol, as assessor: Assessor) async throws -> PageSession {
            try await PageSession.logIn(
                client,
                username: assessor.id.rawValue,
                password: IndicationFixture.password,
                home: "/werklijst",
                cookieName: "wmo-indication-session"
            )
        }

        @Test func pagesNeedALoginAndFormsTheirToken() async throws {
            let fixture = try await IndicationFixture.make("pages_deny")
            try await fixture.run {
                try await Self.app(fixture).test(.router) { client in
                    try await client.execute(uri: "/werklijst", method: .get) { response in
                        #expect(response.status == .seeOther)
                        #expect(response.headers[.location] == "/login?terug=%2Fwerklijst")
                    }
                    let session = try await Self.logIn(client, as: fixture.arnhem)
                    let id = UUID()
                    try await client.execute(
                        uri: "/aanvragen/\(id)/scores",
                        method: .post,
                        headers: [.cookie: session.cookie, .contentType: "application/x-www-form-urlencoded"],
                        body: ByteBuffer(string: "score-finances=3")
                    ) { response in
                        #expect(response.status == .forbidden)
                        #expect(String(buffer: response.body).contains("Formulier niet geaccepteerd"))
                    }
                }
            }
        }

        @Test func theCasePageIsAccessibleAndRefusesALineWithoutItsP4ReasonAtTheField() async throws {
            let fixture = try await IndicationFixture.make("pages_case")
            try await fixture.run {
                let request = IndicationFixture.request()
                try await fixture.publish(request, correlationId: request.requestId)
                let opened = try await fixture.caseOf(request)
                try await Self.app(fixture).test(.router) { client in
                    let session = try await Self.logIn(client, as: fixture.arnhem)
                    let path = "/aanvragen/\(opened.id.uuidString.lowercased())"
                    let workList = try await client.execute(uri: "/werklijst", method: .get, headers: [.cookie: session.cookie]) {
                        String(buffer: $0.body)
                    }
                    #expect(workList.contains(path))
                    #expect(workList.contains(request.question))

                    let html = try await client.execute(uri: path, method: .get, headers: [.cookie: session.cookie]) { response in
                        #expect(response.status == .ok)
                        return String(buffer: response.body)
                    }
                    let problems = PageChecks.accessibilityProblems(in: html, csrfToken: session.token)
                    #expect(problems.isEmpty, "\(problems)")
                    #expect(html.contains("Zelfredzaamheid"))

                    let line =
                        "layer=individual-provision&deliveredBy=Thuiszorg&activity=Schoonmaken&category=household-help"
                        + "&intendedResult=Schoon+huis"
                    let (status, refused) = try await session.post(client, path + "/onderdelen", line)
                    #expect(status.code == 422)
                    #expect(refused.contains(#"id="line-whyEarlierLayersDoNotSuffice-error""#))
                    #expect(refused.contains(##"href="#line-whyEarlierLayersDoNotSuffice""##))
                    #expect(refused.contains(#"value="Schoonmaken""#), "what was typed is kept")
                    #expect(await fixture.count("SELECT count(*) FROM arrangement_lines") == 0)

                    let (accepted, _) = try await session.post(
                        client,
                        path + "/onderdelen",
                        line + "&whyEarlierLayersDoNotSuffice=Geen+netwerk+en+geen+algemene+voorziening"
                    )
                    #expect(accepted == .seeOther)
                    #expect(await fixture.count("SELECT count(*) FROM arrangement_lines") == 1)
                }
            }
        }

        @Test func aBadDateInTheDecisionShowsAtItsLine() async throws {
            let fixture = try await IndicationFixture.make("pages_decision")
            try await fixture.run {
                let request = IndicationFixture.request()
                try await fixture.publish(request, correlationId: request.requestId)
                let opened = try await fixture.caseOf(request)
                _ = try await fixture.service.recordAssessment(opened.id, AssessmentInput(scores: ["instrumental-adl": 2]), by: fixture.arnhem)
                _ = try await fixture.service.chooseProfile(opened.id, ProfileInput(profileId: 2, reason: "Past het best"), by: fixture.arnhem)
                let details = try await fixture.service.addLine(
                    opened.id,
                    LineInput(
                        layer: .individualProvision,
                        deliveredBy: "Thuiszorg",
                        activity: "Schoonmaken",
                        category: .householdHelp,
                        intendedResult: "Schoon huis",
                        whyEarlierLayersDoNotSuffice: "Geen netwerk"
                    ),
                    by: fixture.arnhem
                )
                let line = try #require(details.arrangement.first)
                try await Self.app(fixture).test(.router) { client in
                    let session = try await Self.logIn(client, as: fixture.arnhem)
                    let path = "/aanvragen/\(opened.id.uuidString.lowercased())"
                    let form =
                        "l0-id=\(line.id.uuidString.lowercased())&l0-granted=ja&l0-grounds=Volstaat+niet&l0-form=personal-budget"
                        + "&l0-validFrom=32-13-2026"
                    let (status, page) = try await session.post(client, path + "/besluit", form)
                    #expect(status.code == 422)
                    #expect(page.contains(#"id="decision-l0-validFrom-error""#))
                    #expect(await fixture.count("SELECT count(*) FROM decisions") == 0)
                }
            }
        }

        @Test func anotherMunicipalitysCaseIsNotShown() async throws {
            let fixture = try await IndicationFixture.make("pages_scope")
            try await fixture.run {
                let request = IndicationFixture.request()
                try await fixture.publish(request, correlationId: request.requestId)
                let opened = try await fixture.caseOf(request)
                try await Self.app(fixture).test(.router) { client in
                    let session = try await Self.logIn(client, as: fixture.nijmegen)
                    try await client.execute(uri: "/aanvragen/\(opened.id)", method: .get, headers: [.cookie: session.cookie]) { response in
                        #expect(response.status == .notFound)
                        #expect(!String(buffer: response.body).contains(request.question))
                    }
                }
            }
        }
    }
}
