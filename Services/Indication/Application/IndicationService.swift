import Contracts
public import Foundation
public import ReliableMessaging
public import Storage
import WorkingDays

/// Indication's use cases (indicatiestelling): each runs in one transaction scoped to the
/// assessor's municipality, logs the access to the case, and writes the events it causes to the
/// outbox in the same transaction. The JSON API calls these; it never touches storage itself.
public struct IndicationService: Sendable {
    public let pool: ConnectionPool
    public let settings: IndicationSettings
    public let producer: String
    let relay: OutboxRelay?
    let clock: @Sendable () -> Date

    public init(
        pool: ConnectionPool,
        settings: IndicationSettings,
        producer: String = "indication",
        relay: OutboxRelay? = nil,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.pool = pool
        self.settings = settings
        self.producer = producer
        self.relay = relay
        self.clock = clock
    }

    var today: LocalDate { settings.calendar.day(of: clock()) }

    /// Runs `body` in a transaction; wakes the outbox relay afterwards when `publishes`.
    func transaction<T: Sendable>(publishes: Bool = false, _ body: @escaping @Sendable (Transaction) throws -> T) async throws -> T {
        let value = try await pool.withTransaction(body)
        if publishes { relay?.wake() }
        return value
    }

    /// The case `id` of the assessor's municipality, locked.
    static func lockedCase(_ id: UUID, of assessor: Assessor, in tx: Transaction) throws -> IndicationCase {
        guard let item = try CaseRepository.find(id: id, municipality: assessor.municipality, forUpdate: true, in: tx) else {
            throw IndicationError.caseNotFound
        }
        return item
    }

    /// An envelope for an event about `item`.
    func envelope<M: MessageContract>(_ payload: M, about item: IndicationCase, causedBy cause: UUID? = nil) -> Envelope<M> {
        Envelope(payload, correlationId: item.requestID, causationId: cause, municipality: item.municipality, producer: producer)
    }

    // MARK: Reading

    /// The municipality's cases that need an assessor (one access-log entry per case shown): the
    /// expertise team's own list for its members, every other case for the other assessors.
    public func workList(by assessor: Assessor) async throws -> [WorkListItem] {
        let today = self.today
        let now = clock()
        let settings = self.settings
        return try await transaction { tx in
            let cases = try CaseRepository.workList(
                municipality: assessor.municipality,
                expertiseTeam: assessor.isExpertiseTeam,
                today: today,
                reviewHorizon: settings.reviewHorizonDays,
                limit: 200,
                in: tx
            )
            let facts = try WorkListFacts.load(cases.map(\.id), in: tx)
            return try cases.map { item in
                try CaseAccessLog.record(.workList, caseID: item.id, by: assessor.id, municipality: item.municipality, at: now, in: tx)
                return Self.workListItem(item, facts: facts, today: today, settings: settings)
            }
        }
    }

    static func workListItem(_ item: IndicationCase, facts: WorkListFacts, today: LocalDate, settings: IndicationSettings) -> WorkListItem {
        var reasons: [WorkListItem.Reason] = []
        if item.status == .received { reasons.append(.new) }
        if item.route == .expertiseTeam { reasons.append(.expertiseTeam) }
        if item.status != .decided, let report = facts.latestReports[item.id], report >= (item.decidedAt ?? .distantPast) {
            reasons.append(.arrangementInsufficient)
        }
        if let advice = item.advice, advice.isPending {
            let due = settings.calendar.adding(workingDays: settings.adviceWorkingDays, to: settings.calendar.day(of: advice.requestedAt))
            reasons.append(today > due ? .adviceOverdue : .awaitingAdvice)
        }
        if item.isOverdue(on: today) { reasons.append(.decisionOverdue) }
        if facts.failedLines.contains(item.id) { reasons.append(.informalSupportFailed) }
        if item.status == .decided, let review = facts.reviewDays[item.id], review <= today.adding(days: settings.reviewHorizonDays) {
            reasons.append(.reviewDue)
        }
        if facts.missingReceipts.contains(item.id) { reasons.append(.receiptMissing) }
        if facts.rejectedAllocations.contains(item.id) { reasons.append(.allocationRejected) }
        let requests = facts.openRequests[item.id] ?? []
        if !requests.isEmpty { reasons.append(requests.contains { $0.isOverdue(on: today) } ? .providerRequestOverdue : .providerRequest) }
        return WorkListItem(
            caseId: item.id,
            requestId: item.requestID,
            status: item.status,
            urgency: item.urgency,
            question: item.question,
            decisionDue: item.decisionDue.description,
            assignee: item.assignee,
            reasons: reasons
        )
    }

    /// Case `id` with everything the assessor needs (logged as a read).
    public func details(_ id: UUID, by assessor: Assessor) async throws -> CaseDetails {
        let now = clock()
        return try await transaction { [self] tx in
            let item = try Self.lockedCase(id, of: assessor, in: tx)
            try CaseAccessLog.record(.read, caseID: id, by: assessor.id, municipality: item.municipality, at: now, in: tx)
            return try details(of: item, in: tx)
        }
    }

    func details(of item: IndicationCase, in tx: Transaction) throws -> CaseDetails {
        let assessments = try AssessmentRepository.assessments(of: item.id, in: tx)
        var views: [CaseDetails.AssessmentView] = []
        for (index, assessment) in assessments.enumerated() {
            let change = index == 0 ? [:] : assessment.scores.change(since: assessments[index - 1].scores)
            views.append(.init(assessment: assessment, changeSincePrevious: change))
        }
        return CaseDetails(
            indicationCase: item,
            overdue: item.isOverdue(on: today),
            assessments: views,
            suggestion: assessments.last.map { settings.catalogue.suggest(for: $0.scores) },
            profile: try item.profile.map { try settings.catalogue.profile($0.profileID) },
            arrangement: try ArrangementRepository.lines(of: item.id, in: tx),
            decisions: try DecisionRepository.decisions(of: item.id, in: tx),
            allocations: try AllocationRepository.allocations(of: item.id, in: tx),
            providerRequests: try ProviderRequestRepository.requests(of: item.id, in: tx),
            arrangementReports: try ArrangementReportRepository.reports(of: item.id, in: tx)
        )
    }
}
