public import Foundation

/// `frontdesk.matching.requested`: the desk asks for a volunteer or informal carer.
public struct MatchingRequested: MessageContract, Equatable {
    public static let messageType = "frontdesk.matching.requested"
    public static let schemaVersion = SchemaVersion(1, 1)
    public var requestId: UUID
    public var subjectRef: SubjectRef
    public var task: VolunteerTask
    public var district: String
    public var question: String
    /// A certificate of conduct (VOG) is required: always for respite care and work with minors.
    public var certificateRequired: Bool
    public var urgency: Urgency
    /// When the help is wanted, as day slots (`monday-morning` … `sunday-evening`; since 1.1);
    /// absent or empty: any time.
    public var timeWindows: [String]?
    /// For how many weeks (since 1.1); absent: open-ended.
    public var durationWeeks: Int?

    public init(
        requestId: UUID,
        subjectRef: SubjectRef,
        task: VolunteerTask,
        district: String,
        question: String,
        certificateRequired: Bool,
        urgency: Urgency,
        timeWindows: [String]? = nil,
        durationWeeks: Int? = nil
    ) {
        self.requestId = requestId
        self.subjectRef = subjectRef
        self.task = task
        self.district = district
        self.question = question
        self.certificateRequired = certificateRequired || task == .respiteCare || task == .youthMentoring
        self.urgency = urgency
        self.timeWindows = timeWindows
        self.durationWeeks = durationWeeks
    }

    public func validate() throws(ContractViolation) {
        try ContractViolation.check(question, "question", length: 1...4000)
        try DaySlot.check(timeWindows ?? [], field: "timeWindows")
        if let durationWeeks, !(1...104).contains(durationWeeks) {
            throw ContractViolation(field: "durationWeeks", problem: "1-104 weeks")
        }
    }
}
