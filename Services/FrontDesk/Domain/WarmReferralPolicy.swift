public import Contracts
public import Foundation
public import WorkingDays

/// Warme overdracht: decides whether a passed-on request is late at its partner (SPEC P5, §2).
///
/// Due days count working days after the day the request was passed on, in Europe/Amsterdam:
/// passed on Monday with the standard agreement, the partner accepts by the end of Wednesday and
/// reports first contact by the end of the next Monday; the escalation appears the day after.
/// Both terms count from the pass-on, not from acceptance, so a slow acceptance does not buy
/// extra time for the contact.
public struct WarmReferralPolicy: Sendable {
    /// The agreement for partners without their own.
    public var standard: ReferralSLA
    /// Per-partner agreements (from the social map).
    public var overrides: [PartnerID: ReferralSLA]
    /// The working-day calendar.
    public var calendar: WorkingDayCalendar

    /// Creates a policy.
    public init(
        standard: ReferralSLA = .standard,
        overrides: [PartnerID: ReferralSLA] = [:],
        calendar: WorkingDayCalendar = WorkingDayCalendar()
    ) {
        self.standard = standard
        self.overrides = overrides
        self.calendar = calendar
    }

    /// Creates a policy with the overrides of the partners on `socialMap`.
    public init(socialMap: SocialMap, standard: ReferralSLA = .standard, calendar: WorkingDayCalendar = WorkingDayCalendar()) {
        var overrides: [PartnerID: ReferralSLA] = [:]
        for partner in socialMap.partners {
            if let sla = partner.slaOverride { overrides[partner.id] = sla }
        }
        self.init(standard: standard, overrides: overrides, calendar: calendar)
    }

    /// The agreement that applies to `partner`.
    public func sla(for partner: PartnerID) -> ReferralSLA { overrides[partner] ?? standard }

    /// The last days to accept and to make first contact for `referral`: working days after the
    /// pass-on by the partner's agreement; a crisis gets same-day terms (SPEC P5).
    public func dueDays(for referral: Referral, urgency: Urgency = .normal) -> (accept: LocalDate, contact: LocalDate) {
        let passedOn = calendar.day(of: referral.passedOnAt)
        if urgency == .crisis { return (passedOn, passedOn) }
        let sla = sla(for: referral.partnerID)
        return (
            calendar.adding(workingDays: sla.acceptWithinWorkingDays, to: passedOn),
            calendar.adding(workingDays: sla.contactWithinWorkingDays, to: passedOn)
        )
    }

    /// The full picture of a referral's timeliness on the day of `now`, with the due days
    /// computed now (for a new referral; a stored one has its own, see the other overload).
    public func assess(_ referral: Referral, urgency: Urgency = .normal, now: Date) -> ReferralAssessment {
        let due = dueDays(for: referral, urgency: urgency)
        return assess(referral, acceptDue: due.accept, contactDue: due.contact, reroutedAfterDecline: false, now: now)
    }

    /// The full picture of a referral's timeliness on the day of `now`, against the due days
    /// stored when it was passed on (a later change of the agreement does not move them). A
    /// declined referral escalates until the request is routed elsewhere
    /// (`reroutedAfterDecline`).
    public func assess(
        _ referral: Referral,
        acceptDue: LocalDate,
        contactDue: LocalDate,
        reroutedAfterDecline: Bool,
        now: Date
    ) -> ReferralAssessment {
        let today = calendar.day(of: now)
        let acceptedLate = referral.acceptedAt.map { calendar.day(of: $0) > acceptDue }
        let contactedLate = referral.contactedAt.map { calendar.day(of: $0) > contactDue }

        func escalation(_ reason: Escalation.Reason, due: LocalDate?, since: LocalDate) -> Escalation {
            Escalation(
                referralID: referral.id,
                requestID: referral.requestID,
                partnerID: referral.partnerID,
                reason: reason,
                dueDay: due,
                since: since,
                note: reason == .declined ? referral.declineReason : nil
            )
        }
        let result: Escalation?
        switch referral.status {
        case .declined where reroutedAfterDecline:
            result = nil
        case .declined:
            result = escalation(.declined, due: nil, since: referral.declinedAt.map { calendar.day(of: $0) } ?? today)
        case .passedOn where today > acceptDue:
            result = escalation(.notAcceptedInTime, due: acceptDue, since: acceptDue.adding(days: 1))
        case .passedOn, .accepted:
            result =
                today > contactDue
                ? escalation(.notContactedInTime, due: contactDue, since: contactDue.adding(days: 1)) : nil
        case .contacted, .completed, .withdrawn:
            result = nil
        }
        return ReferralAssessment(
            acceptDue: acceptDue,
            contactDue: contactDue,
            acceptedLate: acceptedLate,
            contactedLate: contactedLate,
            escalation: result
        )
    }

    /// The escalation for `referral` on the day of `now`, or `nil` when it is on track, done or
    /// withdrawn. A late acknowledgement that has since arrived no longer escalates (see
    /// `ReferralAssessment.acceptedLate` for the figures).
    public func escalation(for referral: Referral, now: Date) -> Escalation? {
        assess(referral, now: now).escalation
    }
}

/// The timeliness of one referral: its due days, whether acknowledgements came late, and the
/// escalation if it is on the work list now.
public struct ReferralAssessment: Sendable, Hashable {
    /// Last day for acceptance.
    public var acceptDue: LocalDate
    /// Last day for first contact.
    public var contactDue: LocalDate
    /// `nil` while not accepted; otherwise whether the acceptance came after `acceptDue`.
    public var acceptedLate: Bool?
    /// `nil` while no contact; otherwise whether first contact came after `contactDue`.
    public var contactedLate: Bool?
    /// The escalation, if the referral is on the work list now.
    public var escalation: Escalation?
}
