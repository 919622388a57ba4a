public import Contracts
public import Foundation

/// Doorverwijzing: a request passed on to a partner, with the partner's acknowledgements
/// (`partner.referral.accepted`, `.declined`, `.contacted`, `.completed`).
///
/// The times that count for the warm-referral terms are the desk's own: when it received each
/// answer. What the partner says (the message's timestamp, the `contactedAt` it reports) is its
/// claim, kept as information in `reported`.
///
/// Partners' messages arrive at least once and not always in order, so the transitions are
/// lenient where that is harmless: a repeated acknowledgement changes nothing (the method
/// returns `false`), and a first contact implies acceptance. Contradictions (accepting after
/// declining, anything after completion or withdrawal) throw `.invalidReferralTransition`;
/// a withdrawal of a finished referral changes nothing (its consent still ends).
public struct Referral: Sendable, Hashable, Codable, Identifiable {
    /// Id of the referral.
    public var id: UUID
    /// The municipality of the request (SPEC P6).
    public var municipality: MunicipalityCode
    /// The request passed on.
    public var requestID: UUID
    /// The request's `passedOn` route.
    public var routeID: UUID
    /// The partner it was passed on to.
    public var partnerID: PartnerID
    /// When the desk published it.
    public var passedOnAt: Date
    /// Where it stands.
    public private(set) var status: ReferralStatus
    /// When the partner accepted (also set by a first contact that came without an acceptance).
    public private(set) var acceptedAt: Date?
    /// When the partner reported first contact with the citizen.
    public private(set) var contactedAt: Date?
    /// When the partner reported it done.
    public private(set) var completedAt: Date?
    /// When the partner declined.
    public private(set) var declinedAt: Date?
    /// The partner's reason for declining.
    public private(set) var declineReason: String?
    /// When the desk withdrew it (consent withdrawn, request closed, partner replaced).
    public private(set) var withdrawnAt: Date?
    /// The partner's own times for its answers (information, not measured against terms).
    public private(set) var reported: ReportedTimes

    /// The times a partner gave for its answers.
    public struct ReportedTimes: Sendable, Hashable, Codable {
        /// The acceptance message's timestamp.
        public var accepted: Date?
        /// When the partner says it reached the citizen (`contactedAt`).
        public var contacted: Date?
        /// The completion message's timestamp.
        public var completed: Date?
        /// The decline message's timestamp.
        public var declined: Date?

        /// Creates the times.
        public init(accepted: Date? = nil, contacted: Date? = nil, completed: Date? = nil, declined: Date? = nil) {
            self.accepted = accepted
            self.contacted = contacted
            self.completed = completed
            self.declined = declined
        }
    }

    /// Creates a referral as stored; a new one starts as `passedOn` with only `passedOnAt`.
    public init(
        id: UUID = UUID(),
        municipality: MunicipalityCode,
        requestID: UUID,
        routeID: UUID,
        partnerID: PartnerID,
        passedOnAt: Date,
        status: ReferralStatus = .passedOn,
        acceptedAt: Date? = nil,
        contactedAt: Date? = nil,
        completedAt: Date? = nil,
        declinedAt: Date? = nil,
        declineReason: String? = nil,
        withdrawnAt: Date? = nil,
        reported: ReportedTimes = ReportedTimes()
    ) {
        self.id = id
        self.municipality = municipality
        self.requestID = requestID
        self.routeID = routeID
        self.partnerID = partnerID
        self.passedOnAt = passedOnAt
        self.status = status
        self.acceptedAt = acceptedAt
        self.contactedAt = contactedAt
        self.completedAt = completedAt
        self.declinedAt = declinedAt
        self.declineReason = declineReason
        self.withdrawnAt = withdrawnAt
        self.reported = reported
    }

    /// The partner accepted; `time` is when the desk received it. Returns `false` when it
    /// already had (a repeat).
    @discardableResult
    public mutating func accept(at time: Date, reportedAt: Date? = nil) throws(FrontDeskError) -> Bool {
        switch status {
        case .passedOn:
            status = .accepted
            acceptedAt = time
            reported.accepted = reportedAt
            return true
        case .accepted, .contacted, .completed: return false
        case .declined, .withdrawn: throw .invalidReferralTransition(from: status, to: .accepted)
        }
    }

    /// The partner declined, with a reason; the request comes back to the desk.
    @discardableResult
    public mutating func decline(reason: String, at time: Date, reportedAt: Date? = nil) throws(FrontDeskError) -> Bool {
        switch status {
        case .passedOn, .accepted:
            status = .declined
            declinedAt = time
            reported.declined = reportedAt
            declineReason = reason
            return true
        case .declined: return false
        case .contacted, .completed, .withdrawn: throw .invalidReferralTransition(from: status, to: .declined)
        }
    }

    /// The partner reported first contact with the citizen (implies acceptance); `time` is when
    /// the desk received the report, `reportedAt` the contact time the partner gives.
    @discardableResult
    public mutating func recordContact(at time: Date, reportedAt: Date? = nil) throws(FrontDeskError) -> Bool {
        switch status {
        case .passedOn, .accepted:
            if acceptedAt == nil { acceptedAt = time }
            status = .contacted
            contactedAt = time
            reported.contacted = reportedAt
            return true
        case .contacted, .completed: return false
        case .declined, .withdrawn: throw .invalidReferralTransition(from: status, to: .contacted)
        }
    }

    /// The partner reported the referral done.
    @discardableResult
    public mutating func complete(at time: Date, reportedAt: Date? = nil) throws(FrontDeskError) -> Bool {
        switch status {
        case .passedOn, .accepted, .contacted:
            if acceptedAt == nil { acceptedAt = time }
            status = .completed
            completedAt = time
            reported.completed = reportedAt
            return true
        case .completed: return false
        case .declined, .withdrawn: throw .invalidReferralTransition(from: status, to: .completed)
        }
    }

    /// The desk withdrew the referral; the partner is told and must stop. Returns `false` when
    /// there was nothing to stop: already withdrawn, or finished (completed or declined), where
    /// only the consent still ends.
    @discardableResult
    public mutating func withdraw(at time: Date) -> Bool {
        switch status {
        case .passedOn, .accepted, .contacted:
            status = .withdrawn
            withdrawnAt = time
            return true
        case .withdrawn, .declined, .completed: return false
        }
    }

    /// The state of the request's route that matches this referral.
    public var routeState: RouteState {
        switch status {
        case .passedOn: .open
        case .accepted, .contacted: .inProgress
        case .completed: .completed
        case .declined: .failed
        case .withdrawn: .cancelled
        }
    }
}

/// Stand van de doorverwijzing.
public enum ReferralStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Doorgezet: published to the partner, not yet acknowledged.
    case passedOn = "passed-on"
    /// Geaccepteerd: the partner took it.
    case accepted
    /// Contact gehad: the partner reached the citizen.
    case contacted
    /// Afgerond: the partner finished.
    case completed
    /// Afgewezen: the partner declined.
    case declined
    /// Ingetrokken: the desk withdrew it.
    case withdrawn

    /// The Dutch label shown on the staff pages.
    public var dutchName: String {
        switch self {
        case .passedOn: "Doorgezet, wacht op partner"
        case .accepted: "Geaccepteerd door partner"
        case .contacted: "Partner heeft contact gehad"
        case .completed: "Afgerond"
        case .declined: "Afgewezen door partner"
        case .withdrawn: "Ingetrokken"
        }
    }
}
