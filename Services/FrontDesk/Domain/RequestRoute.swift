public import Foundation

/// Route: one way a request is taken forward after clarification. A request may have several
/// (fan-out, compensatiebeginsel), each with its own state.
public struct RequestRoute: Sendable, Hashable, Codable, Identifiable {
    /// Id of the route; a `Referral` for a passed-on route carries it.
    public var id: UUID
    /// Which way.
    public var kind: RouteKind
    /// The partner for a `passedOn` route; `nil` otherwise.
    public var partnerID: PartnerID?
    /// Where the route stands.
    public internal(set) var state: RouteState
    /// When the route was taken.
    public var openedAt: Date
    /// When the state last changed.
    public internal(set) var updatedAt: Date
    /// When the route reached a final state.
    public internal(set) var finishedAt: Date?
    /// The answer given, the partner's decline reason, the cancel reason, or a result summary.
    public internal(set) var note: String?

    /// Creates a route as stored (no checks); use `HelpRequest.takeRoute` for a new one.
    public init(
        id: UUID = UUID(),
        kind: RouteKind,
        partnerID: PartnerID? = nil,
        state: RouteState = .open,
        openedAt: Date,
        updatedAt: Date? = nil,
        finishedAt: Date? = nil,
        note: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.partnerID = partnerID
        self.state = state
        self.openedAt = openedAt
        self.updatedAt = updatedAt ?? openedAt
        self.finishedAt = finishedAt
        self.note = note
    }

    /// `true` once the route is completed, failed or cancelled.
    public var isFinished: Bool { state.isFinal }

    /// `true` when `other` is the same way forward (same kind and partner), which may not be
    /// open twice at once.
    func isSameWay(as other: RequestRoute) -> Bool { kind == other.kind && partnerID == other.partnerID }
}

/// Soort route: the four ways forward of SPEC §2.
public enum RouteKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Beantwoord: the desk answered itself (information, advice, a general provision).
    case answered
    /// Doorgezet: passed on to a partner, who contacts the citizen (warm referral).
    case passedOn = "passed-on"
    /// Indicatie: an assessment for an individual provision (service Indication).
    case indication
    /// Matching: a volunteer, informal carer or respite match (service Matching).
    case matching

    /// The Dutch label shown on the staff pages.
    public var dutchName: String {
        switch self {
        case .answered: "Beantwoord"
        case .passedOn: "Doorgezet naar partner"
        case .indication: "Indicatie"
        case .matching: "Matching vrijwilliger/mantelzorg"
        }
    }
}

/// Stand van een route.
public enum RouteState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Uitgezet: taken, waiting for the other side (partner, indication, matching).
    case open
    /// In behandeling: the other side has taken it up (partner accepted, assessment started).
    case inProgress = "in-progress"
    /// Afgerond: done (partner completed, decision made, match made, answer given).
    case completed
    /// Mislukt: the other side could not take it (partner declined, no match found).
    case failed
    /// Geannuleerd: stopped by the desk (e.g. the citizen withdrew).
    case cancelled

    /// `true` for completed, failed and cancelled: nothing more will happen on the route.
    public var isFinal: Bool { self == .completed || self == .failed || self == .cancelled }

    /// Whether a route may go from `self` to `next`.
    public func canMove(to next: RouteState) -> Bool {
        switch (self, next) {
        case (.open, .inProgress), (.open, .completed), (.open, .failed), (.open, .cancelled): true
        case (.inProgress, .completed), (.inProgress, .failed), (.inProgress, .cancelled): true
        default: false
        }
    }

    /// The Dutch label shown on the staff pages.
    public var dutchName: String {
        switch self {
        case .open: "Uitgezet"
        case .inProgress: "In behandeling"
        case .completed: "Afgerond"
        case .failed: "Mislukt"
        case .cancelled: "Geannuleerd"
        }
    }
}
