import Foundation
import FrontDesk
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ServiceHTTP
import StaffPages
import Storage
import TestKit
import Testing

extension FrontDeskIntegration {
    /// Sessions in PostgreSQL and login throttling (the review's web-security defects).
    @Suite
    struct WebSecurityTests {
        struct Probe: Codable, Sendable, Equatable {
            var name: String
        }

        @Test func sessionsLiveInPostgreSQLAndExpire() async throws {
            let fixture = try await FrontDeskFixture.make("sessions")
            try await fixture.run(consuming: false) {
                let store = PostgresSessionStore(pool: fixture.pool)
                try await store.create(key: "a", value: Probe(name: "anna"), expires: .seconds(3600))
                // The table holds a digest of the key, not the key itself.
                #expect(await fixture.count("SELECT count(*) FROM staff_sessions WHERE key = 'a'") == 0)
                #expect(await fixture.count("SELECT count(*) FROM staff_sessions") == 1)
                await #expect(throws: PersistError.duplicate) {
                    try await store.create(key: "a", value: Probe(name: "other"), expires: nil)
                }
                // Another instance (another store on the same database) sees the same session.
                let other = PostgresSessionStore(pool: fixture.pool)
                #expect(try await other.get(key: "a", as: Probe.self) == Probe(name: "anna"))
                let ttl = try #require(try await other.getWithTTL(key: "a", as: Probe.self)?.ttl)
                #expect(ttl > .seconds(3500) && ttl <= .seconds(3600))
                // Setting without an expiry keeps the current one.
                try await other.set(key: "a", value: Probe(name: "anna2"), expires: nil)
                #expect(try #require(try await store.getWithTTL(key: "a", as: Probe.self)?.ttl) > .seconds(3500))
                #expect(try await store.get(key: "a", as: Probe.self) == Probe(name: "anna2"))
                await #expect(throws: PersistError.invalidConversion) { try await store.get(key: "a", as: [Int].self) }
                try await store.remove(key: "a")
                #expect(try await store.get(key: "a", as: Probe.self) == nil)
                // An expired session is gone, and its key can be created again.
                try await store.create(key: "b", value: Probe(name: "brief"), expires: .milliseconds(100))
                try await eventually("session expired") { try await store.get(key: "b", as: Probe.self) == nil }
                try await store.create(key: "b", value: Probe(name: "again"), expires: .seconds(60))
                #expect(try await store.get(key: "b", as: Probe.self) == Probe(name: "again"))
            }
        }

        /// Defect: sessions were in memory; a restart logged every staff member out.
        @Test func aLoginSurvivesARestartOfTheDesk() async throws {
            let fixture = try await FrontDeskFixture.make("restart")
            try await fixture.run(consuming: false) {
                let settings = PageSettings(cookieSecure: false)
                let authenticator = StaffAuthenticator(pool: fixture.pool, cost: 4)
                func app() async throws -> some ApplicationProtocol {
                    let router = Router(context: FrontDeskRequestContext.self)
                    try await FrontDeskPages(service: fixture.service, authenticator: authenticator, settings: settings).add(to: router)
                    return Application(router: router)
                }
                let cookie = try await app().test(.router) { client in
                    let (formCookie, token) = try await client.execute(uri: "/login", method: .get) { response in
                        let cookie = try #require(response.headers[.setCookie]?.split(separator: ";").first.map(String.init))
                        let body = String(buffer: response.body)
                        let token = try #require(body.firstMatch(of: /name="_csrf" value="([0-9a-f]+)"/)?.1)
                        return (cookie, String(token))
                    }
                    let form = "_csrf=\(token)&username=\(fixture.arnhemStaff.id.rawValue)&password=\(FrontDeskFixture.password)"
                    return try await client.execute(
                        uri: "/login",
                        method: .post,
                        headers: [.cookie: formCookie, .contentType: "application/x-www-form-urlencoded"],
                        body: ByteBuffer(string: form)
                    ) { response in
                        #expect(response.status == .seeOther)
                        return try #require(response.headers[.setCookie]?.split(separator: ";").first.map(String.init))
                    }
                }
                // A new instance of the pages (a restart, or a second instance) knows the login.
                try await app().test(.router) { client in
                    try await client.execute(uri: "/werklijst", method: .get, headers: [.cookie: cookie]) { response in
                        #expect(response.status == .ok)
                    }
                }
            }
        }

        /// Defect: an account whose requests came in parallel (an organisation's system, eight
        /// clients of a benchmark) was throttled as if guessing, because the throttle counts an
        /// attempt as failed until its check is done.
        @Test func parallelRequestsOfACheckedAccountAreNotThrottled() async throws {
            let fixture = try await FrontDeskFixture.make("parallel")
            try await fixture.run(consuming: false) {
                let authenticator = StaffAuthenticator(pool: fixture.pool, cost: 4)
                let anna = fixture.arnhemStaff.id.rawValue
                guard
                    case .accepted = try await authenticator.attempt(
                        username: anna,
                        password: FrontDeskFixture.password,
                        client: "10.0.0.5",
                        channel: "api"
                    )
                else {
                    Issue.record("the first login was refused")
                    return
                }
                let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                    for _ in 0..<12 {
                        group.addTask {
                            if case .accepted = try await authenticator.attempt(
                                username: anna,
                                password: FrontDeskFixture.password,
                                client: "10.0.0.5",
                                channel: "api"
                            ) {
                                return true
                            }
                            return false
                        }
                    }
                    return try await group.reduce(into: [Bool]()) { $0.append($1) }
                }
                #expect(outcomes.count == 12 && outcomes.allSatisfy { $0 }, "accepted: \(outcomes.filter { $0 }.count) of 12")
                // A guess is still counted: the cache answers only the password that matched.
                guard case .refused = try await authenticator.attempt(username: anna, password: "fout", client: "10.0.0.5", channel: "api")
                else {
                    Issue.record("a wrong password was not refused")
                    return
                }
            }
        }

        /// Defect: passwords could be guessed at full speed, and refusals left no trace.
        @Test func guessingIsThrottledPerUserAndPerAddressAndAudited() async throws {
            let fixture = try await FrontDeskFixture.make("throttle")
            try await fixture.run(consuming: false) {
                let authenticator = StaffAuthenticator(pool: fixture.pool, cost: 4)
                let anna = fixture.arnhemStaff.id.rawValue
                for _ in 1...4 {
                    guard case .refused = try await authenticator.attempt(username: anna, password: "fout", client: "10.0.0.1", channel: "page")
                    else {
                        Issue.record("a wrong password was not refused")
                        return
                    }
                }
                // Now even the right password waits, from any address.
                guard
                    case .throttled(let seconds) = try await authenticator.attempt(
                        username: anna,
                        password: FrontDeskFixture.password,
                        client: "10.0.0.2",
                        channel: "api"
                    )
                else {
                    Issue.record("the fifth attempt was not throttled")
                    return
                }
                #expect(seconds >= 1 && seconds <= 2)
                // One address guessing at many user names is slowed as well (after 20 failures:
                // an office behind one address must survive a colleague's typos).
                for name in (1...21).map({ "gast\($0)" }) {
                    _ = try await authenticator.attempt(username: name, password: "x", client: "10.0.0.9", channel: "page")
                }
                guard
                    case .throttled = try await authenticator.attempt(
                        username: fixture.nijmegenStaff.id.rawValue,
                        password: FrontDeskFixture.password,
                        client: "10.0.0.9",
                        channel: "page"
                    )
                else {
                    Issue.record("the address was not throttled")
                    return
                }
                // Another address may still log in as another user.
                guard
                    case .accepted = try await authenticator.attempt(
                        username: fixture.nijmegenStaff.id.rawValue,
                        password: FrontDeskFixture.password,
                        client: "10.0.0.3",
                        channel: "page"
                    )
                else {
                    Issue.record("a good login from a clean address was refused")
                    return
                }
                #expect(await fixture.count("SELECT count(*) FROM login_refusals WHERE reason = 'wrong-credentials'") == 25)
                #expect(await fixture.count("SELECT count(*) FROM login_refusals WHERE reason = 'throttled'") == 2)
                #expect(await fixture.count("SELECT count(*) FROM login_refusals WHERE username = '\(anna)' AND client = '10.0.0.1'") == 4)

                // Behind a trusted TLS proxy the client is the address the proxy appended.
                let proxied = StaffAuthenticator(pool: fixture.pool, cost: 4, trustedProxies: ["10.0.0.254"])
                #expect(proxied.clientAddress(peer: "10.0.0.254", forwardedFor: "1.2.3.4, 192.168.1.7") == "192.168.1.7")
                #expect(proxied.clientAddress(peer: "10.0.0.99", forwardedFor: "192.168.1.7") == "10.0.0.99")
                #expect(proxied.clientAddress(peer: "10.0.0.254", forwardedFor: nil) == "10.0.0.254")

                // Review finding: guesses sent in parallel must not all pass the check first.
                let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                    for _ in 0..<10 {
                        group.addTask {
                            if case .refused = try await authenticator.attempt(
                                username: "parallel",
                                password: "fout",
                                client: "10.0.0.50",
                                channel: "api"
                            ) {
                                return true
                            }
                            return false
                        }
                    }
                    var checked = 0
                    for try await wasChecked in group where wasChecked { checked += 1 }
                    return checked
                }
                #expect(outcomes == 4, "only the free attempts reach the password check")
            }
        }
    }
}
