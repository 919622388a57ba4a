public import Foundation
public import WorkingDays

/// A volunteer proposed for a request, and what became of it (the match): proposed →
/// accepted or declined by the volunteer → active → ended with a short evaluation. A proposal
/// nobody answers in time lapses, and the next volunteer is proposed.
public struct Proposal: Sendable, Hashable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        case proposed
        case declined
        case lapsed
        case accepted
        case active
        case ended
        /// The request was matched or failed while this proposal was still open.
        case withdrawn

        /// Counts against the volunteer's maximum of simultaneous matches.
        public var countsAsLoad: Bool { self == .proposed || self == .accepted || self == .active }
    }

    public let id: UUID
    public let requestId: UUID
    public let volunteerId: UUID
    public let score: ScoreParts
    public private(set) var status: Status
    public let proposedAt: Date
    /// The last day to answer; after it the proposal lapses and the next volunteer is asked.
    public let answerBy: LocalDate?
    public private(set) var answeredAt: Date?
    public private(set) var declineReason: String?
    public private(set) var startedAt: Date?
    public private(set) var endedAt: Date?
    public private(set) var evaluation: String?

    public init(
        id: UUID = UUID(),
        requestId: UUID,
        volunteerId: UUID,
        score: ScoreParts,
        status: Status = .proposed,
        proposedAt: Date,
        answerBy: LocalDate? = nil,
        answeredAt: Date? = nil,
        declineReason: String? = nil,
        startedAt: Date? = nil,
        endedAt: Date? = nil,
        evaluation: String? = nil
    ) {
        self.id = id
        self.requestId = requestId
        self.volunteerId = volunteerId
        self.score = score
        self.status = status
        self.proposedAt = proposedAt
        self.answerBy = answerBy
        self.answeredAt = answeredAt
        self.declineReason = declineReason
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.evaluation = evaluation
    }

    /// The volunteer accepts.
    /// - Throws: `MatchingError.proposalNotOpen` unless it is still proposed.
    public mutating func accept(at now: Date) throws(MatchingError) {
        guard status == .proposed else { throw .proposalNotOpen(status.rawValue) }
        status = .accepted
        answeredAt = now
    }

    /// The volunteer declines, with an optional reason.
    public mutating func decline(reason: String?, at now: Date) throws(MatchingError) {
        guard status == .proposed else { throw .proposalNotOpen(status.rawValue) }
        status = .declined
        answeredAt = now
        declineReason = reason
    }

    /// Nobody answered in time.
    public mutating func lapse(at now: Date) throws(MatchingError) {
        guard status == .proposed else { throw .proposalNotOpen(status.rawValue) }
        status = .lapsed
        answeredAt = now
    }

    /// The request closed while this was open.
    public mutating func withdraw(at now: Date) throws(MatchingError) {
        guard status == .proposed else { throw .proposalNotOpen(status.rawValue) }
        status = .withdrawn
        answeredAt = now
    }

    /// The volunteer and the person met and started.
    public mutating func start(at now: Date) throws(MatchingError) {
        guard status == .accepted else { throw .matchNotAccepted(status.rawValue) }
        status = .active
        startedAt = now
    }

    /// The match ends, with a short evaluation (1 to 2000 characters).
    public mutating func end(evaluation text: String, at now: Date) throws(MatchingError) {
        guard status == .accepted || status == .active else { throw .matchNotRunning(status.rawValue) }
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...2000).contains(text.count) else { throw .evaluationMissing }
        status = .ended
        endedAt = now
        evaluation = text
    }
}
