public import Foundation

/// A household described without identities: who is there, not who they are.
public struct HouseholdSummary: Codable, Sendable, Equatable {
    public var adults: Int
    public var children: Int
    public var informalCarers: Int
    public init(adults: Int, children: Int, informalCarers: Int) {
        self.adults = adults
        self.children = children
        self.informalCarers = informalCarers
    }
}

/// `frontdesk.indication.requested`: the desk asks for an assessment (indicatiestelling).
public struct IndicationRequested: MessageContract, Equatable {
    public static let messageType = "frontdesk.indication.requested"
    public static let schemaVersion = SchemaVersion(1, 0)
    public var requestId: UUID
    public var subjectRef: SubjectRef
    public var household: HouseholdSummary
    public var question: String
    public var categories: [LifeDomain]
    /// What the conversation found: what the citizen and network do themselves, what is needed.
    public var findings: String
    public var urgency: Urgency

    public init(
        requestId: UUID,
        subjectRef: SubjectRef,
        household: HouseholdSummary,
        question: String,
        categories: [LifeDomain],
        findings: String,
        urgency: Urgency
    ) {
        self.requestId = requestId
        self.subjectRef = subjectRef
        self.household = household
        self.question = question
        self.categories = categories
        self.findings = findings
        self.urgency = urgency
    }

    public func validate() throws(ContractViolation) {
        try ContractViolation.check(question, "question", length: 1...4000)
        try ContractViolation.check(findings, "findings", length: 0...8000)
    }
}
