public import Foundation
public import WorkingDays

/// Escalatie: a passed-on request that came back to the desk's work list because the partner
/// did not respond in time or declined (SPEC P5: never silently stalls).
public struct Escalation: Sendable, Hashable, Codable {
    /// The referral concerned.
    public var referralID: UUID
    /// The request it belongs to.
    public var requestID: UUID
    /// The partner concerned.
    public var partnerID: PartnerID
    /// Why it escalated.
    public var reason: Reason
    /// The missed due day; `nil` for a decline.
    public var dueDay: LocalDate?
    /// The first day it is on the work list (the day after the due day, or the decline day).
    public var since: LocalDate
    /// The partner's decline reason, if declined.
    public var note: String?

    /// Creates an escalation.
    public init(
        referralID: UUID,
        requestID: UUID,
        partnerID: PartnerID,
        reason: Reason,
        dueDay: LocalDate?,
        since: LocalDate,
        note: String? = nil
    ) {
        self.referralID = referralID
        self.requestID = requestID
        self.partnerID = partnerID
        self.reason = reason
        self.dueDay = dueDay
        self.since = since
        self.note = note
    }

    /// Why a referral escalated.
    public enum Reason: String, Sendable, Hashable, Codable, CaseIterable {
        /// Not accepted within the agreed working days.
        case notAcceptedInTime = "not-accepted-in-time"
        /// No first contact with the citizen within the agreed working days.
        case notContactedInTime = "not-contacted-in-time"
        /// The partner declined.
        case declined
    }

    /// What the work list says, in Dutch, with what to do.
    public var message: String {
        let due = dueDay.map { " (uiterlijk \($0.dutchFormatted))" } ?? ""
        switch reason {
        case .notAcceptedInTime:
            return "Partner \(partnerID) heeft de doorverwijzing niet op tijd geaccepteerd\(due). "
                + "Bel de partner of zet de hulpvraag door naar een andere partner."
        case .notContactedInTime:
            return "Partner \(partnerID) heeft nog geen contact gehad met de burger\(due). "
                + "Vraag de partner naar de stand van zaken of neem zelf contact op met de burger."
        case .declined:
            let why = note.map { " Reden: \($0)." } ?? ""
            return "Partner \(partnerID) heeft de doorverwijzing afgewezen.\(why) "
                + "Kies een andere partner of een andere route."
        }
    }
}
