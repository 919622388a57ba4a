public import Foundation

/// `matching.matched`: a volunteer or informal carer accepted the request.
public struct MatchingMatched: MessageContract, Equatable {
    public static let messageType = "matching.matched"
    /// 1.1 added `lineId`.
    public static let schemaVersion = SchemaVersion(1, 1)
    public var requestId: UUID
    public var subjectRef: SubjectRef
    public var matchId: UUID
    public var task: VolunteerTask
    /// How the citizen will know the volunteer (first name), never the volunteer's address.
    public var volunteerDisplayName: String
    /// The arrangement line of `indication.informal-support.requested`; absent for the desk's
    /// own `frontdesk.matching.requested`.
    public var lineId: UUID?

    public init(
        requestId: UUID,
        subjectRef: SubjectRef,
        matchId: UUID,
        task: VolunteerTask,
        volunteerDisplayName: String,
        lineId: UUID? = nil
    ) {
        self.lineId = lineId
        self.requestId = requestId
        self.subjectRef = subjectRef
        self.matchId = matchId
        self.task = task
        self.volunteerDisplayName = volunteerDisplayName
    }
}

/// `matching.failed`: no suitable match in time; formal care should step in.
public struct MatchingFailed: MessageContract, Equatable {
    public static let messageType = "matching.failed"
    /// 1.1 added `lineId`.
    public static let schemaVersion = SchemaVersion(1, 1)
    public var requestId: UUID
    public var subjectRef: SubjectRef
    public var reason: String
    /// The arrangement line of `indication.informal-support.requested`; absent for the desk's
    /// own `frontdesk.matching.requested`.
    public var lineId: UUID?

    public init(requestId: UUID, subjectRef: SubjectRef, reason: String, lineId: UUID? = nil) {
        self.lineId = lineId
        self.requestId = requestId
        self.subjectRef = subjectRef
        self.reason = reason
    }
}
