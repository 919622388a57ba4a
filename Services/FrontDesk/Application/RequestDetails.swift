public import Contracts
public import Foundation
public import WorkingDays

/// Everything about one request that staff see on its page: the request with its routes, its
/// deadlines, referrals with their warm-referral state, consents, conversations and decisions.
public struct RequestDetails: Sendable, Codable {
    /// The request.
    public var request: HelpRequest
    /// The person's display name (`nil` for an anonymous request).
    public var personName: String?
    /// Its statutory deadlines, with `metOn` when met.
    public var deadlines: [Deadline]
    /// Its referrals.
    public var referrals: [ReferralView]
    /// The consents given for it.
    public var consents: [Consent]
    /// The conversations about it.
    public var conversations: [Conversation]
    /// The decisions received for it.
    public var decisions: [IndicationDecided]
}

/// A referral with its due days and whether it is escalated today.
public struct ReferralView: Sendable, Codable, Hashable {
    /// The referral.
    public var referral: Referral
    /// The consent it was passed on under.
    public var consentId: UUID
    /// Last day to accept.
    public var acceptDue: LocalDate
    /// Last day for first contact.
    public var contactDue: LocalDate
    /// The partner's summary on completion.
    public var completionSummary: String?
    /// Why it is on the work list today, if it is.
    public var escalation: Escalation?
}
