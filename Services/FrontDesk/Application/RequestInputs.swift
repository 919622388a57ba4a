public import Contracts
public import Foundation

/// A new request (melding, aanvraag, vraag, klacht) as taken at the desk.
public struct RequestInput: Sendable, Codable, Hashable {
    /// The person it is about; `nil` for an anonymous question.
    public var personId: UUID?
    public var kind: RequestKind
    public var channel: IntakeChannel
    public var source: RequestSource
    public var categories: [LifeDomain]?
    public var text: String
    public var urgency: Urgency?
    /// The team whose work list shows it; default the staff member's own team.
    public var team: String?

    /// Creates the input.
    public init(
        personId: UUID?,
        kind: RequestKind,
        channel: IntakeChannel,
        source: RequestSource,
        categories: [LifeDomain]? = nil,
        text: String,
        urgency: Urgency? = nil,
        team: String? = nil
    ) {
        self.personId = personId
        self.kind = kind
        self.channel = channel
        self.source = source
        self.categories = categories
        self.text = text
        self.urgency = urgency
        self.team = team
    }
}

/// The outcome of clarifying a request (vraagverheldering).
public struct ClarifyInput: Sendable, Codable, Hashable {
    public var question: String?
    public var categories: [LifeDomain]?
    public var urgency: Urgency?
    /// For a complaint: a complaints committee advises (the term becomes 10 weeks). Once set,
    /// it stays.
    public var complaintsCommittee: Bool?

    /// Creates the input.
    public init(
        question: String? = nil,
        categories: [LifeDomain]? = nil,
        urgency: Urgency? = nil,
        complaintsCommittee: Bool? = nil
    ) {
        self.question = question
        self.categories = categories
        self.urgency = urgency
        self.complaintsCommittee = complaintsCommittee
    }
}

/// A conversation (keukentafelgesprek) as recorded by staff.
public struct ConversationInput: Sendable, Codable, Hashable {
    public var heldAt: Date?
    public var place: ConversationPlace
    public var participants: [Conversation.Participant]
    public var clarifiedQuestion: String?
    public var ownStrength: String?
    public var needed: String?
    public var intendedResult: String?
    /// Life domains found in the conversation; replace the request's when given.
    public var categories: [LifeDomain]?

    /// Creates the input.
    public init(
        heldAt: Date? = nil,
        place: ConversationPlace,
        participants: [Conversation.Participant],
        clarifiedQuestion: String? = nil,
        ownStrength: String? = nil,
        needed: String? = nil,
        intendedResult: String? = nil,
        categories: [LifeDomain]? = nil
    ) {
        self.heldAt = heldAt
        self.place = place
        self.participants = participants
        self.clarifiedQuestion = clarifiedQuestion
        self.ownStrength = ownStrength
        self.needed = needed
        self.intendedResult = intendedResult
        self.categories = categories
    }
}

/// Passing a request on to a partner, with the consent the citizen gave for it.
public struct PassOnInput: Sendable, Codable, Hashable {
    public var partnerId: String
    /// The items the citizen consented to share with this partner; empty or absent means no
    /// consent, and nothing is passed on.
    public var consentItems: [ContactDataItem]?

    /// Creates the input.
    public init(partnerId: String, consentItems: [ContactDataItem]?) {
        self.partnerId = partnerId
        self.consentItems = consentItems
    }
}

/// Closing a request.
public struct CloseInput: Sendable, Codable, Hashable {
    public var outcome: RequestOutcome
    /// Required when routes are still open (they are cancelled) or none was taken.
    public var reason: String?

    /// Creates the input.
    public init(outcome: RequestOutcome, reason: String? = nil) {
        self.outcome = outcome
        self.reason = reason
    }
}
