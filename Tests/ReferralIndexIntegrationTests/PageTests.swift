import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ReferralIndex
import ServiceHTTP
import StaffPages
import TestKit
import Testing

extension ReferralIndexIntegration {
    /// The professionals' pages over HTTP, on the shared page kit: deny by default, CSRF, a
    /// refused registration shown at its field without the BSN, accessible pages, and the
    /// matches of others' signals invisible. (The flow in a browser:
    /// Tests/BrowserTests/professional_pages_test.py.)
    @Suite
    struct PageTests {
        static func app(_ fixture: ReferralIndexFixture) async throws -> some ApplicationProtocol {
            let router = APITests.router(fixture)
            let authenticator = PasswordAuthenticator<Professional>(pool: fixture.pool, cost: 4) { username, tx in
                try ProfessionalRepository.find(username: username, in: tx)
            }
            try await ReferralIndexPages(service: fixture.service, authenticator: authenticator, settings: PageSettings(cookieSecure: false))
                .add(to: router)
            return Application(router: router)
        }

        static func logIn(_ client: some TestClientProtocol, as account: Professional) async throws -> PageSession {
            try await PageSession.logIn(
                client,
                username: account.username,
                password: ReferralIndexFixture.password,
                home: "/matches",
                cookieName: "wmo-referral-index-session"
            )
        }

        static let registration = "bsn=123456782&birthDate=1-5-2011&youngPersonInformed=ja&parentsInformed=ja&reference=JZ-9"

        @Test func pagesNeedALoginFormsTheirTokenAndARefusalKeepsNoBSN() async throws {
            let fixture = try await ReferralIndexFixture.make("pages_deny")
            try await fixture.run {
                let sanne = try await fixture.account("sanne", role: .professional, organisation: fixture.jeugdzorg)
                try await Self.app(fixture).test(.router) { client in
                    try await client.execute(uri: "/meldingen", method: .get) { response in
                        #expect(response.status == .seeOther)
                        #expect(response.headers[.location] == "/login?terug=%2Fmeldingen")
                    }
                    var session = try await Self.logIn(client, as: sanne)
                    let goodToken = session.token
                    session.token = String(repeating: "0", count: 64)
                    let (forged, _) = try await session.post(client, "/meldingen", Self.registration)
                    #expect(forged == .forbidden)
                    session.token = goodToken
                    #expect(await fixture.count("SELECT count(*) FROM signals") == 0)

                    let (status, refused) = try await session.post(
                        client,
                        "/meldingen",
                        "bsn=123456789&birthDate=1-5-2011&youngPersonInformed=ja&parentsInformed=ja"
                    )
                    #expect(status.code == 422)
                    #expect(refused.contains(#"id="signal-bsn-error""#) && refused.contains("elfproef"))
                    #expect(!refused.contains("123456789"), "the BSN does not go back to the browser")
                    #expect(refused.contains(#"value="1-5-2011""#), "the rest of what was typed is kept")
                    let (registered, _) = try await session.post(client, "/meldingen", Self.registration)
                    #expect(registered == .seeOther)
                    let (_, list) = try await session.get(client, "/meldingen")
                    #expect(list.contains("JZ-9") && !list.contains("123456782"))
                    #expect(PageChecks.accessibilityProblems(in: list, csrfToken: session.token).isEmpty)
                }
            }
        }

        @Test func aProfessionalSeesOnlyMatchesOnTheirOwnSignals() async throws {
            let fixture = try await ReferralIndexFixture.make("pages_scope")
            try await fixture.run {
                let sanne = try await fixture.account("sanne", role: .professional, organisation: fixture.jeugdzorg)
                let joost = try await fixture.account("joost", role: .professional, organisation: fixture.school)
                let petra = try await fixture.account("petra", role: .professional, organisation: fixture.politie)
                let input = SignalInput(bsn: "123456782", birthDate: "2011-05-01", youngPersonInformed: true, parentsInformed: true)
                _ = try await fixture.service.register(input, by: sanne)
                let receipt = try await fixture.service.register(input, by: joost)
                let match = try #require(receipt.matches.first)
                try await Self.app(fixture).test(.router) { client in
                    let asJoost = try await Self.logIn(client, as: joost)
                    let (_, page) = try await asJoost.get(client, "/matches")
                    #expect(page.contains("sanne@example.nl") && page.contains("Regievoerder"))
                    #expect(PageChecks.accessibilityProblems(in: page, csrfToken: asJoost.token).isEmpty)
                    let asPetra = try await Self.logIn(client, as: petra)
                    let (_, none) = try await asPetra.get(client, "/matches")
                    #expect(!none.contains("sanne@example.nl"))
                    let (status, _) = try await asPetra.post(client, "/matches/\(match.id)/afstemming", "coordinated=ja")
                    #expect(status == .notFound)
                    let (workList, _) = try await asPetra.get(client, "/werklijst")
                    #expect(workList == .forbidden, "the work list is the coordinator's")
                }
            }
        }
    }
}
