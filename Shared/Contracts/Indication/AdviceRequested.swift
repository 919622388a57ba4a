public import Foundation

/// `indication.advice.requested`: indication asks an independent assessor organisation for
/// advice on a complex case, on the organisation's queue (`assessor.<organisation>`, routing key
/// `indication.advice.requested.<organisation>`). No name, BSN or address: the subjectRef only.
public struct AdviceRequested: MessageContract, Equatable {
    public static let messageType = "indication.advice.requested"
    public static let schemaVersion = SchemaVersion(1, 0)
    /// Quote it in the answer.
    public var caseId: UUID
    public var requestId: UUID
    public var subjectRef: SubjectRef
    public var household: HouseholdSummary
    public var question: String
    public var findings: String
    public var categories: [LifeDomain]
    public var urgency: Urgency
    /// The day the advice is due (Europe/Amsterdam, `YYYY-MM-DD`).
    public var adviceDue: String

    public init(
        caseId: UUID,
        requestId: UUID,
        subjectRef: SubjectRef,
        household: HouseholdSummary,
        question: String,
        findings: String,
        categories: [LifeDomain],
        urgency: Urgency,
        adviceDue: String
    ) {
        self.caseId = caseId
        self.requestId = requestId
        self.subjectRef = subjectRef
        self.household = household
        self.question = question
        self.findings = findings
        self.categories = categories
        self.urgency = urgency
        self.adviceDue = adviceDue
    }
}
