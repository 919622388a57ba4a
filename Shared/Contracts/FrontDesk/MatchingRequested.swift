public import Foundation

/// `frontdesk.matching.requested`: the desk asks for a volunteer or informal carer.
public struct MatchingRequested: MessageContract, Equatable {
    public static let messageType = "frontdesk.matching.requested"
    public static let schemaVersion = SchemaVersion(1, 0)
    public var requestId: UUID
    public var subjectRef: SubjectRef
    public var task: VolunteerTask
    public var district: String
    public var question: String
    /// A certificate of conduct (VOG) is required: always for respite care and work with minors.
    public var certificateRequired: Bool
    public var urgency: Urgency

    public init(
        requestId: UUID,
        subjectRef: SubjectRef,
        task: VolunteerTask,
        district: String,
        question: String,
        certificateRequired: Bool,
        urgency: Urgency
    ) {
        self.requestId = requestId
        self.subjectRef = subjectRef
        self.task = task
        self.district = district
        self.question = question
        self.certificateRequired = certificateRequired || task == .respiteCare || task == .youthMentoring
        self.urgency = urgency
    }

    public func validate() throws(ContractViolation) {
        try ContractViolation.check(question, "question", length: 1...4000)
    }
}
