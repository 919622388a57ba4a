public import Foundation

/// `matching.matched`: a volunteer or informal carer accepted the request.
public struct MatchingMatched: MessageContract, Equatable {
    public static let messageType = "matching.matched"
    public static let schemaVersion = SchemaVersion(1, 0)
    public var requestId: UUID
    public var subjectRef: SubjectRef
    public var matchId: UUID
    public var task: VolunteerTask
    /// How the citizen will know the volunteer (first name), never the volunteer's address.
    public var volunteerDisplayName: String

    public init(requestId: UUID, subjectRef: SubjectRef, matchId: UUID, task: VolunteerTask, volunteerDisplayName: String) {
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
    public static let schemaVersion = SchemaVersion(1, 0)
    public var requestId: UUID
    public var subjectRef: SubjectRef
    public var reason: String

    public init(requestId: UUID, subjectRef: SubjectRef, reason: String) {
        self.requestId = requestId
        self.subjectRef = subjectRef
        self.reason = reason
    }
}
