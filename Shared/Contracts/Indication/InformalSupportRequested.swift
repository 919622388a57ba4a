public import Foundation

/// `indication.informal-support.requested`: an informal-support line of a decided arrangement,
/// for matching to find a volunteer or informal carer. Matching answers with `matching.matched`
/// or `matching.failed` carrying the same `lineId`; a failure sends the line back to the
/// assessor for a formal alternative.
public struct InformalSupportRequested: MessageContract, Equatable {
    public static let messageType = "indication.informal-support.requested"
    public static let schemaVersion = SchemaVersion(1, 0)
    /// The desk's request (the chain's correlation id).
    public var requestId: UUID
    public var lineId: UUID
    public var subjectRef: SubjectRef
    public var task: VolunteerTask
    /// What the volunteer would do and to what end.
    public var question: String
    /// A certificate of conduct (VOG) is required: always for respite care and work with minors.
    public var certificateRequired: Bool
    public var urgency: Urgency

    public init(
        requestId: UUID,
        lineId: UUID,
        subjectRef: SubjectRef,
        task: VolunteerTask,
        question: String,
        certificateRequired: Bool,
        urgency: Urgency
    ) {
        self.requestId = requestId
        self.lineId = lineId
        self.subjectRef = subjectRef
        self.task = task
        self.question = question
        self.certificateRequired = certificateRequired || task == .respiteCare || task == .youthMentoring
        self.urgency = urgency
    }

    public func validate() throws(ContractViolation) {
        try ContractViolation.check(question, "question", length: 1...4000)
    }
}
