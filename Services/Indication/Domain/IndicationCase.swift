public import Contracts
public import Foundation
public import WorkingDays

/// Indicatieaanvraag: one request for an assessment from the desk, known only by the desk's
/// pseudonymous `subjectRef`; no name, BSN or address ever reaches this service.
public struct IndicationCase: Sendable, Equatable, Codable, Identifiable {
    /// Where the case stands.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        /// Received from the desk, nobody has scored it yet.
        case received
        /// Waiting for the independent assessor's advice.
        case awaitingAdvice = "awaiting-advice"
        /// Being assessed: scores, profile, arrangement.
        case assessing
        /// Every individual provision decided.
        case decided
    }

    public let id: UUID
    /// The desk's request (the chain's correlation id).
    public let requestID: UUID
    public let municipality: MunicipalityCode
    public let subjectRef: SubjectRef
    public let household: HouseholdSummary
    /// The clarified question (the desk checked it names nobody).
    public let question: String
    public let findings: String
    public let domains: [LifeDomain]
    public let urgency: Urgency
    public let receivedAt: Date
    /// The day of the application: the decision term runs from here.
    public let applicationDay: LocalDate
    public var decisionDue: LocalDate
    public var status: Status
    public var route: AssessmentRoute
    public var assignee: AssessorID?
    public var profile: ProfileChoice?
    public var advice: Advice?
    /// Herindicaties: how often a decided case was reopened.
    public var reindications: Int
    public var decidedAt: Date?

    /// Sends the case to `organisation` for advice.
    public mutating func requestAdvice(from organisation: OrganisationKey, at time: Date) {
        route = .independentAssessor
        advice = Advice(organisation: organisation.description, requestedAt: time)
        status = .awaitingAdvice
    }

    /// Records the organisation's advice; the case goes back to the assessors.
    public mutating func recordAdvice(
        _ text: String,
        categories: [ProductCategory],
        profile: Int?,
        at time: Date
    ) {
        advice?.givenAt = time
        advice?.text = text
        advice?.recommendedCategories = categories
        advice?.suggestedProfile = profile
        status = .assessing
    }

    /// Refuses a change while the advice is pending or after the decision.
    public func checkChangeable() throws(IndicationError) {
        switch status {
        case .awaitingAdvice: throw .awaitingAdvice
        case .decided: throw .caseDecided
        case .received, .assessing: break
        }
    }

    /// Reopens a decided case with a new decision term from `today`; a re-indication (the desk
    /// asks again) is counted, a line sent back by matching is not.
    public mutating func reopen(on today: LocalDate, term: DecisionTerm, countsAsReindication: Bool = true) {
        if status == .decided, countsAsReindication { reindications += 1 }
        status = .assessing
        decisionDue = term.dueDay(applicationDay: today)
    }

    /// True when the decision term has passed without a decision.
    public func isOverdue(on today: LocalDate) -> Bool {
        status != .decided && DecisionTerm.isOverdue(dueDay: decisionDue, today: today)
    }
}

extension IndicationCase {
    /// A new case for `request`, applied for on `applicationDay`.
    public init(
        id: UUID = UUID(),
        request: IndicationRequested,
        municipality: MunicipalityCode,
        receivedAt: Date,
        applicationDay: LocalDate,
        term: DecisionTerm
    ) {
        self.init(
            id: id,
            requestID: request.requestId,
            municipality: municipality,
            subjectRef: request.subjectRef,
            household: request.household,
            question: request.question,
            findings: request.findings,
            domains: request.categories,
            urgency: request.urgency,
            receivedAt: receivedAt,
            applicationDay: applicationDay,
            decisionDue: term.dueDay(applicationDay: applicationDay),
            status: .received,
            route: .municipality,
            assignee: nil,
            profile: nil,
            advice: nil,
            reindications: 0,
            decidedAt: nil
        )
    }
}
