import Contracts
import Foundation
import Testing

@testable import FrontDesk

@Suite("Warm referral SLA and escalation")
struct WarmReferralPolicyTests {
    let policy = WarmReferralPolicy()
    /// Passed on Monday 2 March 2026 10:00: accept by Wednesday 4 March, contact by Monday 9 March.
    let passedOnAt = Fixtures.at(2026, 3, 2, 10)

    func referral(partner: PartnerID = Fixtures.mee, at time: Date? = nil) -> Referral {
        Referral(
            municipality: .arnhem,
            requestID: UUID(),
            routeID: UUID(),
            partnerID: partner,
            passedOnAt: time ?? passedOnAt
        )
    }

    @Test("due days count working days after the pass-on")
    func dueDays() {
        let assessment = policy.assess(referral(), now: passedOnAt)
        #expect(assessment.acceptDue == Fixtures.day(2026, 3, 4))
        #expect(assessment.contactDue == Fixtures.day(2026, 3, 9))
        #expect(assessment.escalation == nil)
        #expect(assessment.acceptedLate == nil)
    }

    @Test("not accepted in time escalates the next day")
    func acceptLate() {
        let r = referral()
        #expect(policy.escalation(for: r, now: Fixtures.at(2026, 3, 4, 23, 59)) == nil)
        let escalation = policy.escalation(for: r, now: Fixtures.at(2026, 3, 5, 8))
        #expect(escalation?.reason == .notAcceptedInTime)
        #expect(escalation?.dueDay == Fixtures.day(2026, 3, 4))
        #expect(escalation?.since == Fixtures.day(2026, 3, 5))
        #expect(escalation?.requestID == r.requestID)
        #expect(escalation?.message.contains("niet op tijd geaccepteerd") == true)
        #expect(escalation?.message.contains("04-03-2026") == true)
        // Still not accepted after the contact term: the missing acceptance is the reason.
        #expect(policy.escalation(for: r, now: Fixtures.at(2026, 3, 12))?.reason == .notAcceptedInTime)
    }

    @Test("accepted but no contact in time escalates")
    func contactLate() throws {
        var r = referral()
        try r.accept(at: Fixtures.at(2026, 3, 3))
        #expect(policy.escalation(for: r, now: Fixtures.at(2026, 3, 9, 17)) == nil)
        let escalation = policy.escalation(for: r, now: Fixtures.at(2026, 3, 10, 9))
        #expect(escalation?.reason == .notContactedInTime)
        #expect(escalation?.dueDay == Fixtures.day(2026, 3, 9))
        #expect(policy.assess(r, now: Fixtures.at(2026, 3, 10)).acceptedLate == false)
    }

    @Test("on time: accepted and contacted within the terms, never escalated")
    func onTime() throws {
        var r = referral()
        try r.accept(at: Fixtures.at(2026, 3, 4, 16))
        try r.recordContact(at: Fixtures.at(2026, 3, 6, 11))
        let assessment = policy.assess(r, now: Fixtures.at(2026, 4, 1))
        #expect(assessment.escalation == nil)
        #expect(assessment.acceptedLate == false)
        #expect(assessment.contactedLate == false)
    }

    @Test("a late acknowledgement ends the escalation but is recorded as late")
    func lateButArrived() throws {
        var r = referral()
        try r.accept(at: Fixtures.at(2026, 3, 5, 9))
        let assessment = policy.assess(r, now: Fixtures.at(2026, 3, 5, 10))
        #expect(assessment.escalation == nil)
        #expect(assessment.acceptedLate == true)
    }

    @Test("a decline escalates at once with the partner's reason")
    func declined() throws {
        var r = referral()
        try r.decline(reason: "Wachtlijst van 3 maanden", at: Fixtures.at(2026, 3, 3))
        let escalation = policy.escalation(for: r, now: Fixtures.at(2026, 3, 3, 12))
        #expect(escalation?.reason == .declined)
        #expect(escalation?.note == "Wachtlijst van 3 maanden")
        #expect(escalation?.since == Fixtures.day(2026, 3, 3))
        #expect(escalation?.message.contains("Wachtlijst") == true)
    }

    @Test("completed and withdrawn referrals never escalate")
    func finished() throws {
        var completed = referral()
        try completed.complete(at: Fixtures.at(2026, 3, 20))
        #expect(policy.escalation(for: completed, now: Fixtures.at(2026, 4, 1)) == nil)
        var withdrawn = referral()
        let didWithdraw = withdrawn.withdraw(at: Fixtures.at(2026, 3, 3))
        #expect(didWithdraw)
        #expect(policy.escalation(for: withdrawn, now: Fixtures.at(2026, 4, 1)) == nil)
    }

    @Test("holidays extend the terms: passed on before Easter")
    func overEaster() {
        // Thu 2 April 2026: accept by Tue 7 April (Good Friday counts, Easter Monday not).
        let r = referral(at: Fixtures.at(2026, 4, 2))
        #expect(policy.assess(r, now: Fixtures.at(2026, 4, 2)).acceptDue == Fixtures.day(2026, 4, 7))
        #expect(policy.escalation(for: r, now: Fixtures.at(2026, 4, 7, 18)) == nil)
        #expect(policy.escalation(for: r, now: Fixtures.at(2026, 4, 8, 8)) != nil)
    }

    @Test("a partner's own agreement overrides the default")
    func override() {
        let socialMap = SocialMap(partners: [
            Partner(
                id: Fixtures.rijnstad,
                name: "Rijnstad",
                municipality: .arnhem,
                categories: [.socialNetwork],
                slaOverride: ReferralSLA(acceptWithinWorkingDays: 1, contactWithinWorkingDays: 10),
                queueName: "partner.rijnstad"
            ),
            Partner(id: Fixtures.mee, name: "MEE", municipality: .arnhem, categories: [.finances], queueName: "partner.mee"),
        ])
        let custom = WarmReferralPolicy(socialMap: socialMap)
        #expect(custom.sla(for: Fixtures.rijnstad).acceptWithinWorkingDays == 1)
        #expect(custom.sla(for: Fixtures.mee) == .standard)
        let r = referral(partner: Fixtures.rijnstad)
        #expect(custom.escalation(for: r, now: Fixtures.at(2026, 3, 4))?.reason == .notAcceptedInTime)
        #expect(custom.assess(r, now: passedOnAt).contactDue == Fixtures.day(2026, 3, 16))
    }
}

@Suite("Referral acknowledgements")
struct ReferralTests {
    let time = Fixtures.at(2026, 3, 2)

    func referral() -> Referral {
        Referral(municipality: .arnhem, requestID: UUID(), routeID: UUID(), partnerID: Fixtures.mee, passedOnAt: time)
    }

    @Test("accepted → contacted → completed, repeats change nothing")
    func happyPath() throws {
        var r = referral()
        #expect(try r.accept(at: time))
        #expect(try !r.accept(at: time.addingTimeInterval(60)))
        #expect(r.acceptedAt == time)
        #expect(r.routeState == .inProgress)
        #expect(try r.recordContact(at: time))
        #expect(try r.complete(at: time))
        #expect(r.status == .completed)
        #expect(r.routeState == .completed)
        #expect(try !r.complete(at: time))
    }

    @Test("first contact without acceptance implies acceptance")
    func contactImpliesAcceptance() throws {
        var r = referral()
        try r.recordContact(at: time)
        #expect(r.acceptedAt == time)
        #expect(r.status == .contacted)
    }

    @Test("contradictions throw")
    func contradictions() throws {
        var declined = referral()
        try declined.decline(reason: "Geen plek", at: time)
        #expect(declined.routeState == .failed)
        #expect(throws: FrontDeskError.invalidReferralTransition(from: .declined, to: .accepted)) {
            try declined.accept(at: time)
        }
        var completed = referral()
        try completed.complete(at: time)
        #expect(throws: FrontDeskError.invalidReferralTransition(from: .completed, to: .declined)) {
            try completed.decline(reason: "x", at: time)
        }
    }

    @Test("withdrawing a finished referral changes nothing (only its consent ends)")
    func withdrawFinished() throws {
        var completed = referral()
        try completed.complete(at: time)
        let withdrewCompleted = completed.withdraw(at: time)
        #expect(!withdrewCompleted)
        #expect(completed.status == .completed)
        var declined = referral()
        try declined.decline(reason: "Geen plek", at: time)
        let withdrewDeclined = declined.withdraw(at: time)
        #expect(!withdrewDeclined)
        #expect(declined.status == .declined)
    }
}

@Suite("Warm referral: crisis and stored terms")
struct WarmReferralCrisisTests {
    @Test("a crisis referral has same-day terms")
    func crisis() {
        let referral = Referral(
            municipality: .arnhem,
            requestID: UUID(),
            routeID: UUID(),
            partnerID: Fixtures.mee,
            passedOnAt: Fixtures.at(2026, 3, 2)
        )
        let due = WarmReferralPolicy().dueDays(for: referral, urgency: .crisis)
        #expect(due.accept == Fixtures.day(2026, 3, 2))
        #expect(due.contact == Fixtures.day(2026, 3, 2))
        #expect(WarmReferralPolicy().assess(referral, urgency: .crisis, now: Fixtures.at(2026, 3, 3)).escalation?.reason == .notAcceptedInTime)
    }

    @Test("the stored due days count, and a declined referral stops escalating once rerouted")
    func stored() throws {
        var referral = Referral(
            municipality: .arnhem,
            requestID: UUID(),
            routeID: UUID(),
            partnerID: Fixtures.mee,
            passedOnAt: Fixtures.at(2026, 3, 2)
        )
        let policy = WarmReferralPolicy(standard: ReferralSLA(acceptWithinWorkingDays: 10, contactWithinWorkingDays: 20))
        let late = policy.assess(
            referral,
            acceptDue: Fixtures.day(2026, 3, 4),
            contactDue: Fixtures.day(2026, 3, 9),
            reroutedAfterDecline: false,
            now: Fixtures.at(2026, 3, 5)
        )
        #expect(late.escalation?.reason == .notAcceptedInTime)
        try referral.decline(reason: "Vol", at: Fixtures.at(2026, 3, 3))
        let rerouted = policy.assess(
            referral,
            acceptDue: Fixtures.day(2026, 3, 4),
            contactDue: Fixtures.day(2026, 3, 9),
            reroutedAfterDecline: true,
            now: Fixtures.at(2026, 3, 5)
        )
        #expect(rerouted.escalation == nil)
    }
}
