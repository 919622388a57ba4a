public import Foundation

/// `referralindex.match.notified`: organisations signalled the same young person (`client`) or
/// young people who share a parent (`family`): each professional on the match, and the
/// coordinator, learns who the others are, so that they can work together. Contact details
/// only, never content. On the organisation's queue as `referralindex.match.notified.<organisation>`.
public struct MatchNotified: MessageContract, Equatable {
    public static let messageType = "referralindex.match.notified"
    public static let schemaVersion = SchemaVersion(1, 0)

    /// A professional with an active signal on the match.
    public struct Participant: Codable, Sendable, Equatable {
        public var signalId: UUID
        public var organisation: String
        public var organisationName: String
        public var name: String
        public var phone: String
        public var email: String
        public init(signalId: UUID, organisation: String, organisationName: String, name: String, phone: String, email: String) {
            self.signalId = signalId
            self.organisation = organisation
            self.organisationName = organisationName
            self.name = name
            self.phone = phone
            self.email = email
        }
    }

    /// The match key.
    public var matchId: UUID
    /// `client` or `family`.
    public var kind: String
    /// `created` or `extended` (a professional joined).
    public var change: String
    /// The recipient's own signal on the match; absent for the coordinator.
    public var signalId: UUID?
    /// The coordinating organisation.
    public var coordinator: String
    /// How many young people the match covers (1 for a client match).
    public var youngPeople: Int
    /// The other professionals (for the coordinator: all of them).
    public var participants: [Participant]

    public init(
        matchId: UUID,
        kind: String,
        change: String,
        signalId: UUID?,
        coordinator: String,
        youngPeople: Int,
        participants: [Participant]
    ) {
        self.matchId = matchId
        self.kind = kind
        self.change = change
        self.signalId = signalId
        self.coordinator = coordinator
        self.youngPeople = youngPeople
        self.participants = participants
    }
}
