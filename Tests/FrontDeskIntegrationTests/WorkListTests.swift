import Contracts
import Foundation
import FrontDesk
import TestKit
import Testing
import WorkingDays

extension FrontDeskIntegration {
    /// The work list computed in SQL on stored due days, judged at an injected `now` (SPEC P5:
    /// a passed-on request never silently stalls; SPEC §2: statutory terms).
    @Suite
    struct WorkListTests {
        func list(
            _ fixture: FrontDeskFixture,
            _ now: Date,
            scope: WorkListScope = .mine,
            attentionOnly: Bool = false,
            sort: WorkListSort = .dueFirst,
            page: Int = 1,
            pageSize: Int = 50,
            staff: StaffMember? = nil
        ) async throws -> WorkList {
            try await fixture.service.workList(
                WorkListQuery(scope: scope, sort: sort, attentionOnly: attentionOnly, page: page, pageSize: pageSize),
                by: staff ?? fixture.arnhemStaff,
                now: now
            )
        }

        @Test func aReferralNotAcceptedInTimeIsEscalatedUntilThePartnerAnswers() async throws {
            let fixture = try await FrontDeskFixture.make("sla")
            try await fixture.run {
                // Passed on Monday 2 March; accept due Wednesday 4 March, contact due Monday 9 March.
                let (request, result) = try await fixture.passedOnRequest()

                let wednesday = try await list(fixture, TestClock.at(2026, 3, 4, 16))
                #expect(wednesday.counts.escalations == 0)
                let thursday = try await list(fixture, TestClock.at(2026, 3, 5))
                #expect(thursday.counts.escalations == 1)
                let row = try #require(thursday.rows.first)
                #expect(row.requestId == request.id)
                #expect(row.referralTerm?.term == .accept)
                #expect(row.referralTerm?.dueDay == LocalDate(year: 2026, month: 3, day: 4))
                #expect(row.referralTerm?.escalated == true)
                // Who and what, not only an id.
                #expect(row.personName == "Jan Pieter van der Berg")
                #expect(row.question == "Meneer zoekt contact met anderen in de wijk.")
                // The team list shows it too; another municipality's staff never sees it.
                #expect(try await list(fixture, TestClock.at(2026, 3, 5), scope: .team).counts.escalations == 1)
                #expect(try await list(fixture, TestClock.at(2026, 3, 5), staff: fixture.nijmegenStaff).rows.isEmpty)

                fixture.clock.set(TestClock.at(2026, 3, 5))
                try await fixture.publish(
                    ReferralAccepted(referralId: result.referral.id, partnerId: fixture.partnerID.rawValue),
                    correlationId: request.id
                )
                try await eventually("accepted") { try await list(fixture, TestClock.at(2026, 3, 5)).counts.escalations == 0 }
                // No first contact by Monday 9 March: escalated again from Tuesday.
                let tuesday = try await list(fixture, TestClock.at(2026, 3, 10))
                #expect(tuesday.rows.first?.referralTerm?.term == .contact)
                #expect(tuesday.rows.first?.referralTerm?.escalated == true)
            }
        }

        /// Defect: partner timestamps were measured against the terms; the desk's receipt counts.
        @Test func theDeskMeasuresAgainstItsOwnReceiptTimeAndKeepsThePartners() async throws {
            let fixture = try await FrontDeskFixture.make("receipt")
            try await fixture.run {
                let (request, result) = try await fixture.passedOnRequest()
                // Received Friday 6 March (late); the partner claims Tuesday 3 March.
                fixture.clock.set(TestClock.at(2026, 3, 6))
                let claimed = TestClock.at(2026, 3, 3)
                try await fixture.publish(
                    ReferralContacted(referralId: result.referral.id, partnerId: fixture.partnerID.rawValue, contactedAt: claimed),
                    correlationId: request.id
                )
                try await eventually("contacted") { try await fixture.referral(result.referral.id)?.status == .contacted }
                let referral = try #require(try await fixture.referral(result.referral.id))
                #expect(referral.contactedAt == TestClock.at(2026, 3, 6))
                #expect(referral.reported.contacted == claimed)
                let details = try await fixture.service.requestDetails(request.id, by: fixture.arnhemStaff)
                // Contact by Monday 9 March was in time; acceptance (implied on receipt) was late.
                let assessment = WarmReferralPolicy().assess(
                    referral,
                    acceptDue: try #require(details.referrals.first).acceptDue,
                    contactDue: try #require(details.referrals.first).contactDue,
                    reroutedAfterDecline: false,
                    now: TestClock.at(2026, 3, 6)
                )
                #expect(assessment.acceptedLate == true)
                #expect(assessment.contactedLate == false)
            }
        }

        /// Defect: escalations used today's agreement instead of the due days stored at pass-on.
        @Test func escalationsUseTheStoredDueDaysNotTodaysAgreement() async throws {
            let fixture = try await FrontDeskFixture.make("stored_sla")
            try await fixture.run(consuming: false) {
                let (request, _) = try await fixture.passedOnRequest()
                // The municipality later agrees on 10 working days; the referral keeps its terms.
                let relaxed = FrontDeskService(
                    pool: fixture.pool,
                    standardSLA: ReferralSLA(acceptWithinWorkingDays: 10, contactWithinWorkingDays: 20),
                    clock: { TestClock.at(2026, 3, 5) }
                )
                let details = try await relaxed.requestDetails(request.id, by: fixture.arnhemStaff)
                #expect(details.referrals.first?.acceptDue == LocalDate(year: 2026, month: 3, day: 4))
                #expect(details.referrals.first?.escalation?.reason == .notAcceptedInTime)
                let list = try await relaxed.workList(WorkListQuery(), by: fixture.arnhemStaff, now: TestClock.at(2026, 3, 5))
                #expect(list.counts.escalations == 1)
            }
        }

        @Test func aCrisisReferralHasSameDayTerms() async throws {
            let fixture = try await FrontDeskFixture.make("crisis_sla")
            try await fixture.run(consuming: false) {
                let person = try await fixture.registerPerson()
                var request = try await fixture.clarifiedRequest(for: person)
                request = try await fixture.service.clarify(
                    request.id,
                    ClarifyInput(question: request.clarifiedQuestion, urgency: .crisis),
                    by: fixture.arnhemStaff
                )
                let result = try await fixture.service.passOn(
                    request.id,
                    PassOnInput(partnerId: fixture.partnerID.rawValue, consentItems: [.phone]),
                    by: fixture.arnhemStaff
                )
                #expect(result.acceptDue == LocalDate(year: 2026, month: 3, day: 2))
                #expect(result.contactDue == LocalDate(year: 2026, month: 3, day: 2))
                #expect(try await list(fixture, TestClock.at(2026, 3, 3)).counts.escalations == 1)
            }
        }

        @Test func aDeclinedReferralEscalatesUntilTheRequestIsRoutedElsewhere() async throws {
            let fixture = try await FrontDeskFixture.make("decline")
            try await fixture.run {
                let (request, result) = try await fixture.passedOnRequest()
                try await fixture.publish(
                    ReferralDeclined(referralId: result.referral.id, partnerId: fixture.partnerID.rawValue, reason: "Wachtlijst vol"),
                    correlationId: request.id
                )
                try await eventually("declined") { try await fixture.referral(result.referral.id)?.status == .declined }
                let declined = try await list(fixture, TestClock.at(2026, 3, 3))
                #expect(declined.rows.first?.referralTerm?.term == .declined)
                #expect(declined.counts.escalations == 1)
                let details = try await fixture.service.requestDetails(request.id, by: fixture.arnhemStaff)
                #expect(details.request.routes.first?.state == .failed)
                #expect(details.referrals.first?.escalation?.reason == .declined)

                // Routed elsewhere (matching): the decline no longer escalates.
                fixture.clock.set(TestClock.at(2026, 3, 3))
                _ = try await fixture.service.requestMatching(request.id, MatchingInput(task: .visiting), by: fixture.arnhemStaff)
                let after = try await list(fixture, TestClock.at(2026, 3, 3))
                #expect(after.counts.escalations == 0)
                #expect(after.rows.first?.referralTerm == nil)
                let rerouted = try await fixture.service.requestDetails(request.id, by: fixture.arnhemStaff)
                #expect(rerouted.referrals.first?.escalation == nil)
            }
        }

        @Test func statutoryDeadlinesAreDueAndOverdueUntilActedOn() async throws {
            let fixture = try await FrontDeskFixture.make("deadlines")
            try await fixture.run(consuming: false) {
                let person = try await fixture.registerPerson()
                // An application on Monday 2 March: decision due Monday 16 March.
                let application = try await fixture.clarifiedRequest(for: person, kind: .application)
                let dueDay = try await list(fixture, TestClock.at(2026, 3, 16))
                #expect(dueDay.rows.map(\.statutoryTerm?.kind) == [.decision])
                #expect(dueDay.rows.first?.statutoryTerm?.status == .dueToday)
                #expect(dueDay.counts.dueToday == 1)
                let late = try await list(fixture, TestClock.at(2026, 3, 17))
                #expect(late.counts.overdue == 1)
                #expect(late.rows.first?.requestId == application.id)
                // A notification's personal plan is the citizen's term: never on the list.
                let notification = try await fixture.clarifiedRequest(for: person, kind: .notification)
                let planDay = try await list(fixture, TestClock.at(2026, 3, 9))
                #expect(planDay.rows.first { $0.requestId == notification.id }?.statutoryTerm?.kind == .investigation)
                let details = try await fixture.service.requestDetails(notification.id, by: fixture.arnhemStaff)
                #expect(details.deadlines.first { $0.kind == .personalPlan }?.status(on: LocalDate(year: 2026, month: 3, day: 10)!) == .lapsed)
            }
        }

        /// Defect: a notification's 2-week decision term did not start with the indication route.
        @Test func anIndicationRouteStartsTheDecisionTermOfANotification() async throws {
            let fixture = try await FrontDeskFixture.make("decision_term")
            try await fixture.run(consuming: false) {
                let person = try await fixture.registerPerson()
                let notification = try await fixture.clarifiedRequest(for: person, kind: .notification)
                fixture.clock.set(TestClock.at(2026, 3, 10))
                let routed = try await fixture.service.requestIndication(notification.id, IndicationInput(), by: fixture.arnhemStaff)
                let decision = try #require(routed.deadlines.first { $0.kind == .decision })
                #expect(decision.startDay == LocalDate(year: 2026, month: 3, day: 10))
                #expect(decision.dueDay == LocalDate(year: 2026, month: 3, day: 24))
                #expect(routed.deadlines.first { $0.kind == .investigation }?.metOn == LocalDate(year: 2026, month: 3, day: 10))
                let list = try await list(fixture, TestClock.at(2026, 3, 24))
                #expect(list.rows.first?.statutoryTerm?.kind == .decision)
                #expect(list.rows.first?.statutoryTerm?.status == .dueToday)
            }
        }

        /// Defect: the 10-week complaints term was never used.
        @Test func aComplaintsCommitteeGivesTheComplaintTenWeeks() async throws {
            let fixture = try await FrontDeskFixture.make("committee")
            try await fixture.run(consuming: false) {
                let person = try await fixture.registerPerson()
                let complaint = try await fixture.clarifiedRequest(for: person, kind: .complaint)
                #expect(complaint.deadlines.first?.dueDay == LocalDate(year: 2026, month: 4, day: 13))
                let advised = try await fixture.service.clarify(
                    complaint.id,
                    ClarifyInput(question: complaint.clarifiedQuestion, complaintsCommittee: true),
                    by: fixture.arnhemStaff
                )
                #expect(advised.complaintsCommittee)
                #expect(advised.deadlines.map(\.dueDay) == [LocalDate(year: 2026, month: 5, day: 11)])
                let notification = try await fixture.clarifiedRequest(for: person, kind: .notification)
                await #expect(throws: FrontDeskError.notAComplaint) {
                    try await fixture.service.clarify(notification.id, ClarifyInput(complaintsCommittee: true), by: fixture.arnhemStaff)
                }
            }
        }

        @Test func theListPagesSortsAndLogsWhoWasShown() async throws {
            let fixture = try await FrontDeskFixture.make("paging")
            try await fixture.run(consuming: false) {
                let person = try await fixture.registerPerson()
                var ids: [UUID] = []
                for day in 2...6 {
                    fixture.clock.set(TestClock.at(2026, 3, day))
                    ids.append(try await fixture.clarifiedRequest(for: person, kind: .application).id)
                }
                let first = try await list(fixture, TestClock.at(2026, 3, 2), pageSize: 2)
                #expect(first.counts.open == 5)
                #expect(first.pageCount == 3)
                #expect(first.rows.map(\.requestId) == Array(ids[0..<2]))
                let third = try await list(fixture, TestClock.at(2026, 3, 2), page: 3, pageSize: 2)
                #expect(third.rows.map(\.requestId) == [ids[4]])
                let descending = try await list(fixture, TestClock.at(2026, 3, 2), sort: .dueLast, pageSize: 2)
                #expect(descending.rows.map(\.requestId) == [ids[4], ids[3]])
                #expect(try await list(fixture, TestClock.at(2026, 3, 2), attentionOnly: true).rows.isEmpty)
                #expect(try await list(fixture, TestClock.at(2026, 3, 17), attentionOnly: true).counts.attention == 2)
                // Each page read is in the access log, once per person shown.
                #expect(await fixture.count("SELECT count(*) FROM access_log WHERE action = 'view-work-list'") >= 5)
            }
        }
    }
}
