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
    /// Providers' requests about the client (WMO315/317), oldest first.
    public let providerRequests: [ProviderRequest]
    /// Neighbourhood teams' reports that the arrangement no longer suffices, oldest first.
    public let arrangementReports: [ArrangementReport]

    enum CodingKeys: String, CodingKey {
        case indicationCase = "case"
        case overdue, assessments, suggestion, profile, arrangement, decisions, allocations, providerRequests, arrangementReports
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
        /// A provider asks for a new or changed allocation (WMO315/317).
        case providerRequest = "provider-request"
        /// …and its answer term (5 working days) or investigation (8 weeks) has passed.
        case providerRequestOverdue = "provider-request-overdue"
        /// A neighbourhood team reported the arrangement no longer suffices (since the last decision).
        case arrangementInsufficient = "arrangement-insufficient"
        /// Routed to the expertise team (on its members' list only).
        case expertiseTeam = "expertise-team"
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
