public import Foundation

/// `matching.volunteer.recorded`: the receipt of a centre's `volunteer-centre.volunteer.registered`,
/// on the centre's queue as `matching.volunteer.recorded.<centre>`.
public struct VolunteerRecorded: MessageContract, Equatable {
    public static let messageType = "matching.volunteer.recorded"
    public static let schemaVersion = SchemaVersion(1, 0)

    /// The centre's reference from the registration.
    public var reference: String
    /// Matching's id of the volunteer.
    public var volunteerId: UUID
    /// `registered` or `updated`.
    public var outcome: String

    public init(reference: String, volunteerId: UUID, outcome: String) {
        self.reference = reference
        self.volunteerId = volunteerId
        self.outcome = outcome
    }
}

/// `matching.proposal.offered`: one of the centre's volunteers is proposed for a request, with
/// the task, district, time windows and score parts (never who the person is); on the centre's
/// queue as `matching.proposal.offered.<centre>`. The centre asks its volunteer and answers with
/// `volunteer-centre.proposal.answered` before `answerBy`, or hands on `answerUrl` (a one-time
/// link the volunteer can answer through).
public struct ProposalOffered: MessageContract, Equatable {
    public static let messageType = "matching.proposal.offered"
    public static let schemaVersion = SchemaVersion(1, 0)

    /// The score parts (SPEC §4: every proposal explains itself), each out of its weight.
    public struct Score: Codable, Sendable, Equatable {
        public var total: Int
        public var task: Int
        public var availability: Int
        public var distance: Int
        public var language: Int
        public var load: Int
        public var kilometres: Double?
        public init(total: Int, task: Int, availability: Int, distance: Int, language: Int, load: Int, kilometres: Double?) {
            self.total = total
            self.task = task
            self.availability = availability
            self.distance = distance
            self.language = language
            self.load = load
            self.kilometres = kilometres
        }
    }

    public var proposalId: UUID
    /// The centre's reference of the volunteer.
    public var volunteerReference: String
    public var task: VolunteerTask
    /// Where the help is wanted, when known.
    public var district: String?
    /// What the volunteer would do (no names, no BSN).
    public var question: String
    public var timeWindows: [String]
    public var durationWeeks: Int?
    public var certificateRequired: Bool
    public var score: Score
    /// The last day to answer (`YYYY-MM-DD`); after it the proposal lapses.
    public var answerBy: String
    /// The volunteer's one-time answer page.
    public var answerUrl: String

    public init(
        proposalId: UUID,
        volunteerReference: String,
        task: VolunteerTask,
        district: String?,
        question: String,
        timeWindows: [String],
        durationWeeks: Int?,
        certificateRequired: Bool,
        score: Score,
        answerBy: String,
        answerUrl: String
    ) {
        self.proposalId = proposalId
        self.volunteerReference = volunteerReference
        self.task = task
        self.district = district
        self.question = question
        self.timeWindows = timeWindows
        self.durationWeeks = durationWeeks
        self.certificateRequired = certificateRequired
        self.score = score
        self.answerBy = answerBy
        self.answerUrl = answerUrl
    }
}

/// `matching.proposal.closed.<centre>`: a proposal of one of the centre's volunteers is no
/// longer open without an answer: it lapsed (no answer by `answerBy`; the next volunteer is
/// asked) or was withdrawn (the request failed: still open after its last day). The centre stops asking its volunteer;
/// an answer after this is refused.
public struct ProposalClosed: MessageContract, Equatable {
    public static let messageType = "matching.proposal.closed"
    public static let schemaVersion = SchemaVersion(1, 0)

    /// Why the proposal closed.
    public enum Reason: String, Codable, Sendable, CaseIterable {
        /// Not answered by the end of `answerBy`.
        case lapsed
        /// The request failed (still open after its last day) before an answer came.
        case withdrawn
    }

    public var proposalId: UUID
    /// The centre's reference of the volunteer.
    public var volunteerReference: String
    public var reason: Reason
    /// `YYYY-MM-DD`.
    public var closedOn: String

    public init(proposalId: UUID, volunteerReference: String, reason: Reason, closedOn: String) {
        self.proposalId = proposalId
        self.volunteerReference = volunteerReference
        self.reason = reason
        self.closedOn = closedOn
    }

    public func validate() throws(ContractViolation) {
        try ContractViolation.check(volunteerReference, "volunteerReference", length: 1...100)
        guard closedOn.count == 10 else { throw ContractViolation(field: "closedOn", problem: "must be a day, YYYY-MM-DD") }
    }
}
