public import Foundation

/// `frontdesk.arrangement.insufficient`: a neighbourhood team (kernteam, wijkteam) reported
/// through the desk that the arrangement decided for a request no longer suffices (SPEC §3).
/// Indication reopens the assessment as a counted re-indication. No names: the team's name and
/// a reason the desk checked against the person's identifiers.
public struct ArrangementInsufficient: MessageContract, Equatable {
    public static let messageType = "frontdesk.arrangement.insufficient"
    public static let schemaVersion = SchemaVersion(1, 0)
    /// The desk's request whose decision it concerns (indication's case).
    public var requestId: UUID
    public var subjectRef: SubjectRef
    /// Who reported it, e.g. "Wijkteam Arnhem-Oost".
    public var reportedBy: String
    /// What no longer suffices and why.
    public var reason: String

    public init(requestId: UUID, subjectRef: SubjectRef, reportedBy: String, reason: String) {
        self.requestId = requestId
        self.subjectRef = subjectRef
        self.reportedBy = reportedBy
        self.reason = reason
    }

    public func validate() throws(ContractViolation) {
        guard reportedBy.contains(where: { !$0.isWhitespace }), reportedBy.count <= 200 else {
            throw ContractViolation(field: "reportedBy", problem: "name who reported it, at most 200 characters")
        }
        guard reason.contains(where: { !$0.isWhitespace }), reason.count <= 4000 else {
            throw ContractViolation(field: "reason", problem: "say what no longer suffices, at most 4000 characters")
        }
    }
}
