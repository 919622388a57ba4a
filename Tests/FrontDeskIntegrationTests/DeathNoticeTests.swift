import Contracts
import Foundation
import FrontDesk
import Messaging
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
    }
}
