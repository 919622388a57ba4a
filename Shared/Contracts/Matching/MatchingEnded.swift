public import Foundation

/// `matching.ended`: a match (after `matching.matched`) ended, with how it went in a few words.
public struct MatchingEnded: MessageContract, Equatable {
    public static let messageType = "matching.ended"
    public static let schemaVersion = SchemaVersion(1, 0)

    public var requestId: UUID
    public var matchId: UUID
    /// The client; absent for a carer's own respite request.
    public var subjectRef: SubjectRef?
    /// The arrangement line, for a request of indication.
    public var lineId: UUID?
    public var task: VolunteerTask
    /// `YYYY-MM-DD`.
    public var endedOn: String
    /// The short evaluation (no names, no BSN).
    public var evaluation: String

    public init(
        requestId: UUID,
        matchId: UUID,
        subjectRef: SubjectRef?,
        lineId: UUID?,
        task: VolunteerTask,
        endedOn: String,
        evaluation: String
    ) {
        self.requestId = requestId
        self.matchId = matchId
        self.subjectRef = subjectRef
        self.lineId = lineId
        self.task = task
        self.endedOn = endedOn
        self.evaluation = evaluation
    }
}
