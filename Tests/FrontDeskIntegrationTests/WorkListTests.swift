import Contracts
import Foundation
import FrontDesk
import TestKit
import Testing

extension FrontDeskIntegration {
    /// Warm-referral escalations and statutory deadlines on the work list, judged at an injected
    /// `now` (SPEC P5: a passed-on request never silently stalls).
    @Suite
    struct WorkListTests {
        @Test func aReferralNotAcceptedInTimeIsEscalatedUntilThePartnerAnswers() async throws {
            let fixture = try await FrontDeskFixture.make("sla")
            try await fixture.run {
                // Passed on Monday 2 March; accept due Wednesday 4 March, contact due Monday 9 March.
                let (request, result) = try await fixture.passedOnRequest()

                let wednesday = try await fixture.service.workList(.mine, by: fixture.arnhemStaff, now: TestClock.at(2026, 3, 4, 16))
                #expect(wednesday.counts.escalations == 0)

                let thursday = try await fixture.service.workList(.mine, by: fixture.arnhemStaff, now: TestClock.at(2026, 3, 5))
                #expect(thursday.counts.escalations == 1)
                let item = try #require(thursday.items(in: .escalation).first)
                #expect(item.requestID == request.id)
                #expect(item.escalation?.reason == .notAcceptedInTime)
                #expect(item.escalation?.referralID == result.referral.id)
                #expect(item.message.contains("niet op tijd geaccepteerd"))
                // The team list shows it too; another municipality's staff never sees it.
                #expect(try await fixture.service.workList(.team, by: fixture.arnhemStaff, now: TestClock.at(2026, 3, 5)).counts.escalations == 1)
                #expect(try await fixture.service.workList(.mine, by: fixture.nijmegenStaff, now: TestClock.at(2026, 3, 5)).items.isEmpty)

                try await fixture.publish(
                    ReferralAccepted(referralId: result.referral.id, partnerId: fixture.partnerID.rawValue),
                    correlationId: request.id
                )
                try await eventually("accepted") { try await fixture.referral(result.referral.id)?.status == .accepted }
                let afterAcceptance = try await fixture.service.workList(.mine, by: fixture.arnhemStaff, now: TestClock.at(2026, 3, 5))
                #expect(afterAcceptance.counts.escalations == 0)

                // No first contact by Monday 9 March: escalated again from Tuesday.
                let tuesday = try await fixture.service.workList(.mine, by: fixture.arnhemStaff, now: TestClock.at(2026, 3, 10))
                #expect(tuesday.items(in: .escalation).map(\.escalation?.reason) == [.notContactedInTime])
            }
        }

        @Test func aDeclinedReferralComesBackAsAnEscalation() async throws {
            let fixture = try await FrontDeskFixture.make("decline")
            try await fixture.run {
                let (request, result) = try await fixture.passedOnRequest()
                try await fixture.publish(
                    ReferralDeclined(referralId: result.referral.id, partnerId: fixture.partnerID.rawValue, reason: "Wachtlijst vol"),
                    correlationId: request.id
                )
                try await eventually("declined") { try await fixture.referral(result.referral.id)?.status == .declined }
                let list = try await fixture.service.workList(.mine, by: fixture.arnhemStaff, now: TestClock.at(2026, 3, 3))
                let item = try #require(list.items(in: .escalation).first)
                #expect(item.escalation?.reason == .declined)
                #expect(item.message.contains("Wachtlijst vol"))
                let details = try await fixture.service.requestDetails(request.id, by: fixture.arnhemStaff)
                #expect(details.request.routes.first?.state == .failed)
            }
        }

        @Test func statutoryDeadlinesAreDueAndOverdueUntilActedOn() async throws {
            let fixture = try await FrontDeskFixture.make("deadlines")
            try await fixture.run(consuming: false) {
                let person = try await fixture.registerPerson()
                // An application on Monday 2 March: decision due Monday 16 March.
                let application = try await fixture.clarifiedRequest(for: person, kind: .application)
                let dueDay = try await fixture.service.workList(.mine, by: fixture.arnhemStaff, now: TestClock.at(2026, 3, 16))
                #expect(dueDay.items(in: .dueToday).map(\.deadline?.kind) == [.decision])
                let late = try await fixture.service.workList(.mine, by: fixture.arnhemStaff, now: TestClock.at(2026, 3, 17))
                #expect(late.items(in: .overdue).map(\.requestID) == [application.id])
                // A notification's personal-plan term (7 days) shows on its due day only.
                let notification = try await fixture.clarifiedRequest(for: person, kind: .notification)
                let planDay = try await fixture.service.workList(.mine, by: fixture.arnhemStaff, now: TestClock.at(2026, 3, 9))
                #expect(planDay.items(in: .dueToday).contains { $0.requestID == notification.id && $0.deadline?.kind == .personalPlan })
                let after = try await fixture.service.workList(.mine, by: fixture.arnhemStaff, now: TestClock.at(2026, 3, 10))
                #expect(!after.items.contains { $0.requestID == notification.id })
            }
        }
    }
}
