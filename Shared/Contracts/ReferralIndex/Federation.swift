public import Foundation

/// `referralindex.signal.forwarded`: a regional referral index forwards each of its signals to
/// the national index (SPEC §5, federation): the subject and parents' keys (HMACs under the
/// secret regions and the national index share, never a BSN), the organisation and the
/// professional's contact, and whether it is still active (`false` once withdrawn, removed or
/// purged: the national index then deletes its copy). On `wmo.events`, consumed by the national
/// index only.
public struct SignalForwarded: MessageContract, Equatable {
    public static let messageType = "referralindex.signal.forwarded"
    public static let schemaVersion = SchemaVersion(1, 0)
    /// The forwarding region's name (`[a-z0-9-]`).
    public var region: String
    public var signalId: UUID
    public var active: Bool
    /// Lower-case hex of the subject key (64 characters); absent when `active` is false.
    public var subjectKey: String?
    public var parentKeys: [String]?
    public var organisation: String?
    public var organisationName: String?
    public var professional: SignalRegistered.Professional?

    public init(
        region: String,
        signalId: UUID,
        active: Bool,
        subjectKey: String? = nil,
        parentKeys: [String]? = nil,
        organisation: String? = nil,
        organisationName: String? = nil,
        professional: SignalRegistered.Professional? = nil
    ) {
        self.region = region
        self.signalId = signalId
        self.active = active
        self.subjectKey = subjectKey
        self.parentKeys = parentKeys
        self.organisation = organisation
        self.organisationName = organisationName
        self.professional = professional
    }

    public func validate() throws(ContractViolation) {
        try ContractViolation.check(region, "region", length: 1...40)
        guard !active || (subjectKey?.count == 64 && organisation != nil && professional != nil) else {
            throw ContractViolation(field: "subjectKey", problem: "an active signal carries its 64-hex subject key, organisation and professional")
        }
        guard (parentKeys ?? []).allSatisfy({ $0.count == 64 }), (parentKeys ?? []).count <= 4 else {
            throw ContractViolation(field: "parentKeys", problem: "at most 4 keys of 64 hex characters")
        }
    }
}

/// `referralindex.federation.matched`: the national index found signals in two or more regions
/// on the same young person (`client`) or on young people who share a parent (`family`); to each
/// region involved, as `referralindex.federation.matched.<region>`, with that region's signals
/// on the match and every professional on it. The region notifies its own organisations.
public struct FederationMatched: MessageContract, Equatable {
    public static let messageType = "referralindex.federation.matched"
    public static let schemaVersion = SchemaVersion(1, 0)
    /// The national match key (the regions use it as theirs).
    public var matchId: UUID
    /// `client` or `family`.
    public var kind: String
    /// The recipient region.
    public var region: String
    /// The recipient region's signals on the match.
    public var signalIds: [UUID]
    public var youngPeople: Int
    /// Every professional on the match, in every region.
    public var participants: [MatchNotified.Participant]

    public init(matchId: UUID, kind: String, region: String, signalIds: [UUID], youngPeople: Int, participants: [MatchNotified.Participant]) {
        self.matchId = matchId
        self.kind = kind
        self.region = region
        self.signalIds = signalIds
        self.youngPeople = youngPeople
        self.participants = participants
    }
}
