public import Contracts
public import Foundation

/// A case as the assessor sees it: the case, its assessments with the change since the one
/// before, the suggested and chosen profile, the arrangement and the decisions.
public struct CaseDetails: Encodable, Sendable {
    /// One assessment with the change per domain since the previous one.
    public struct AssessmentView: Encodable, Sendable {
        public let assessment: Assessment
        public let changeSincePrevious: [LifeDomain: Int]
    }

    public let indicationCase: IndicationCase
    public let overdue: Bool
    public let assessments: [AssessmentView]
    public let suggestion: ProfileSuggestion?
    public let profile: ClientProfile?
    public let arrangement: [ArrangementLine]
    public let decisions: [StoredDecision]
    public let allocations: [Allocation]

    enum CodingKeys: String, CodingKey {
        case indicationCase = "case"
        case overdue, assessments, suggestion, profile, arrangement, decisions, allocations
    }
}

/// A row of the assessors' work list and why it is there.
public struct WorkListItem: Encodable, Sendable {
    /// Why a case needs an assessor.
    public enum Reason: String, Encodable, Sendable, CaseIterable {
        case new
        case awaitingAdvice = "awaiting-advice"
        case adviceOverdue = "advice-overdue"
        case decisionOverdue = "decision-overdue"
        case informalSupportFailed = "informal-support-failed"
        case reviewDue = "review-due"
        case receiptMissing = "receipt-missing"
        case allocationRejected = "allocation-rejected"
    }

    public let caseId: UUID
    public let requestId: UUID
    public let status: IndicationCase.Status
    public let urgency: Urgency
    /// The clarified question (the desk checked that it names nobody).
    public let question: String
    public let decisionDue: String
    public let assignee: AssessorID?
    public let reasons: [Reason]
}
