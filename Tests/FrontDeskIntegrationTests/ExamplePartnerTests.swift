import Contracts
import Foundation
import FrontDesk
import TestKit
import Testing

extension FrontDeskIntegration {
    /// The example partner of docs/partners.md (Python, pika), with its own broker login, submits
    /// a citizen's request (desk network) and gets the desk's receipt, then takes a request
    /// passed on by the desk and answers accepted → contacted → completed.
    @Suite
    struct ExamplePartnerTests {
        @Test func theExamplePartnerFromTheGuideCompletesAReferral() async throws {
            let fixture = try await FrontDeskFixture.make("example")
            try await fixture.run {
                let key = fixture.partnerKey()
                try await fixture.partnerLogins.ensure(key)
                let url = TestServers.amqpURL.replacingOccurrences(
                    of: "guest:guest@",
                    with: "\(key):\(OrganisationLogins.password(for: key))@"
                )
                let script = TestServers.repositoryRoot.appendingPathComponent("Tests/Partner/example_partner.py").path
                let log = FileManager.default.temporaryDirectory.appendingPathComponent("example-partner-\(fixture.schema).log").path
                let partner = try ChildProcess(
                    "/usr/bin/env",
                    ["python3", script, "--count", "1", "--submit", "999993653"],
                    environment: ["PARTNER_AMQP_URL": url, "PARTNER_LOGIN": key.description],
                    logFile: log
                )
                let passedOn = try await fixture.passedOnRequest()
                do {
                    try await eventually(timeout: .seconds(60), "the example partner completed the referral") {
                        try await fixture.referral(passedOn.result.referral.id)?.status == .completed
                    }
                } catch {
                    partner.signal(SIGKILL)
                    _ = await partner.wait()
                    let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
                    Issue.record("example partner output:\n\(output)")
                    throw error
                }
                #expect(await partner.wait() == 0, "the example partner got the receipt and finished")
                let submitted = try await fixture.service.searchPersons(PersonSearch(bsn: "999993653"), by: fixture.arnhemStaff)
                #expect(submitted.count == 1, "the submitted citizen is registered once at the desk")
                #expect(try await fixture.admin.messageCount(fixture.inbound.deadLetterQueue) == 0, "nothing refused")
            }
        }
    }
}
