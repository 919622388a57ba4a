import Contracts
import Foundation
import FrontDesk
import Hummingbird
import HummingbirdTesting
import Messaging
import StaffPages
import TestKit
import Testing

extension FrontDeskIntegration {
    /// A death the population register reported is recorded at the desk, logged, and told to the
    /// referral index only: `frontdesk.person.deceased` with the BSN goes through the default
    /// exchange to the index's own queue, not over `wmo.events`.
    @Suite
    struct DeathNoticeTests {
        @Test func aRecordedDeathGoesToTheReferralIndexsQueueOnly() async throws {
            let fixture = try await FrontDeskFixture.make("death_notice")
            let queue = Topology.Queue(name: PersonDeceased.queue, bindings: [])
            try? await fixture.admin.delete(queue)
            try await fixture.admin.declare(Topology.standard(queues: [queue]))
            try await fixture.run {
                let person = try await fixture.registerPerson()
                await #expect(throws: FrontDeskError.invalidDate(field: "dateOfDeath", label: "Datum van overlijden")) {
                    try await fixture.service.recordDeath(person.id, dateOfDeath: "01-01-2099", by: fixture.arnhemStaff)
                }
                await #expect(throws: FrontDeskError.personNotFound) {
                    try await fixture.service.recordDeath(person.id, dateOfDeath: "02-01-2026", by: fixture.nijmegenStaff)
                }
                let death = try await fixture.service.recordDeath(person.id, dateOfDeath: "02-01-2026", by: fixture.arnhemStaff)
                #expect(death.dateOfDeath == "2026-01-02")
                let notices = try await fixture.admin.drain(PersonDeceased.queue, count: 1, timeout: 15)
                let notice = try ContractJSON.decoder().decode(Envelope<PersonDeceased>.self, from: try #require(notices.first).body)
                #expect(notice.payload == PersonDeceased(bsn: "123456782", dateOfDeath: "2026-01-02"))
                #expect(notices.first?.exchange == "", "through the default exchange")
                #expect(await fixture.count("SELECT count(*) FROM persons WHERE deceased_on = '2026-01-02'") == 1)
                #expect(await fixture.count("SELECT count(*) FROM access_log WHERE action = 'record-death'") == 1)
            }
            try? await fixture.admin.delete(queue)
        }

        @Test func staffRecordADeathOnThePersonPage() async throws {
            let fixture = try await FrontDeskFixture.make("death_page")
            let queue = Topology.Queue(name: PersonDeceased.queue, bindings: [])
            try? await fixture.admin.delete(queue)
            try await fixture.admin.declare(Topology.standard(queues: [queue]))
            try await fixture.run(consuming: false) {
                let person = try await fixture.registerPerson()
                let router = Router(context: FrontDeskRequestContext.self)
                try await FrontDeskPages(
                    service: fixture.service,
                    authenticator: StaffAuthenticator(pool: fixture.pool, cost: 4),
                    settings: PageSettings(cookieSecure: false)
                ).add(to: router)
                try await Application(router: router).test(.router) { client in
                    let session = try await PageSession.logIn(
                        client,
                        username: fixture.arnhemStaff.id.rawValue,
                        password: FrontDeskFixture.password,
                        home: "/werklijst",
                        cookieName: "wmo-session"
                    )
                    let path = "/personen/\(person.id.uuidString.lowercased())"
                    let (_, page) = try await session.get(client, path)
                    #expect(page.contains(#"action="\#(path)/overlijden""#))
                    #expect(PageChecks.accessibilityProblems(in: page, csrfToken: session.token).isEmpty)
                    let (refused, refusal) = try await session.post(client, path + "/overlijden", "dateOfDeath=01-01-2099")
                    #expect(refused.code == 422)
                    #expect(refusal.contains(#"id="death-dateOfDeath-error""#))
                    let (recorded, _) = try await session.post(client, path + "/overlijden", "dateOfDeath=02-01-2026")
                    #expect(recorded == .seeOther)
                }
                let notices = try await fixture.admin.drain(PersonDeceased.queue, count: 1, timeout: 15)
                #expect(notices.count == 1)
            }
            try? await fixture.admin.delete(queue)
        }
    }
}
