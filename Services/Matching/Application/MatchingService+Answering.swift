public import Contracts
public import Foundation
import Storage
public import WorkingDays

extension MatchingService {
    /// How a proposal was answered.
    enum Answer: Sendable {
        case accept
        case decline(reason: String?)

        /// `accepted` / `declined` with an optional reason (checked for identifying text).
        init(_ text: String, reason: String?) throws(MatchingError) {
            switch text {
            case "accepted": self = .accept
            case "declined":
                let trimmed = reason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                self = .decline(reason: trimmed.isEmpty ? nil : try FreeText.checked(trimmed, field: "reason", length: 1...500))
            default: throw .invalidParameter("answer")
            }
        }
    }

    /// The coordinator answers for a volunteer (who phoned), or a centre's system for one of its own.
    public func answer(_ proposalID: UUID, _ input: AnswerInput, by account: Coordinator) async throws -> ProposalView {
        let answer = try Answer(input.answer, reason: input.reason)
        let now = clock()
        return try await transaction { tx in
            guard let proposal = try ProposalRepository.find(proposalID, municipality: account.municipality, in: tx) else {
                throw MatchingError.proposalNotFound
            }
            if let centre = account.centre {
                guard try VolunteerRepository.find(proposal.volunteerId, municipality: account.municipality, in: tx)?.centre == centre else {
                    throw MatchingError.proposalNotFound
                }
            }
            return try apply(answer, to: proposal, municipality: account.municipality, by: account.username, at: now, in: tx)
        }
    }

    /// A centre's `volunteer-centre.proposal.answered`: only for the centre's own volunteers.
    func answer(_ message: ProposalAnswered, from centre: OrganisationKey, in tx: Transaction) throws {
        let answer = try Answer(message.answer, reason: message.reason)
        guard let proposal = try ProposalRepository.find(message.proposalId, municipality: centre.municipality, in: tx),
            try VolunteerRepository.find(proposal.volunteerId, municipality: centre.municipality, in: tx)?.centre == centre
        else { throw MatchingError.notPermitted("answer a proposal for a volunteer another centre registered (or none)") }
        _ = try apply(answer, to: proposal, municipality: centre.municipality, by: centre.description, at: clock(), in: tx)
    }

    /// What the one-time link shows the volunteer: the task, district, time windows and question.
    public func proposal(token: String) async throws -> ProposalOffer {
        try await transaction { tx in
            guard Self.isToken(token), let (proposal, municipality) = try ProposalRepository.find(token: token, in: tx),
                let request = try RequestRepository.find(proposal.requestId, municipality: municipality, in: tx),
                let volunteer = try VolunteerRepository.find(proposal.volunteerId, municipality: municipality, in: tx)
            else { throw MatchingError.answerLinkInvalid }
            return ProposalOffer(request: request, proposal: proposal, firstName: volunteer.contact.firstName)
        }
    }

    /// The volunteer answers through the one-time link; the link stops working.
    public func answer(token: String, _ input: AnswerInput) async throws -> ProposalView {
        let answer = try Answer(input.answer, reason: input.reason)
        let now = clock()
        return try await transaction { tx in
            guard Self.isToken(token), let (proposal, municipality) = try ProposalRepository.find(token: token, in: tx) else {
                throw MatchingError.answerLinkInvalid
            }
            return try apply(answer, to: proposal, municipality: municipality, by: "answer-link", at: now, in: tx)
        }
    }

    static func isToken(_ text: String) -> Bool { text.count == 64 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) } }

    /// Accepting matches the request (`matching.matched` to whoever asked); declining proposes
    /// the next volunteer. Locks the request before the proposal, in the sweep's order, so that an
    /// answer and the sweep failing the request wait for each other instead of deadlocking.
    func apply(
        _ answer: Answer,
        to proposal: Proposal,
        municipality: MunicipalityCode,
        by actor: String,
        at now: Date,
        in tx: Transaction
    ) throws
        -> ProposalView
    {
        guard var request = try RequestRepository.find(proposal.requestId, municipality: municipality, forUpdate: true, in: tx),
            var proposal = try ProposalRepository.find(proposal.id, municipality: municipality, forUpdate: true, in: tx),
            let volunteer = try VolunteerRepository.find(proposal.volunteerId, municipality: municipality, in: tx)
        else { throw MatchingError.requestNotFound }
        guard request.status == .open else { throw MatchingError.proposalNotOpen(request.status.rawValue) }
        switch answer {
        case .accept:
            try proposal.accept(at: now)
            try ProposalRepository.save(proposal, answeredBy: actor, in: tx)
            request.status = .matched
            request.closedAt = now
            try RequestRepository.save(request, in: tx)
            if let subjectRef = request.subjectRef, request.origin != .carer {
                try emit(
                    MatchingMatched(
                        requestId: request.requestId,
                        subjectRef: subjectRef,
                        matchId: proposal.id,
                        task: request.task,
                        volunteerDisplayName: volunteer.contact.firstName,
                        lineId: request.lineId
                    ),
                    correlation: request.requestId,
                    municipality: municipality,
                    in: tx
                )
            }
        case .decline(let reason):
            try proposal.decline(reason: reason, at: now)
            try ProposalRepository.save(proposal, answeredBy: actor, in: tx)
            _ = try proposeNext(for: &request, in: tx)
        }
        try PersonAccessLog.record(.answer, by: actor, municipality: municipality, volunteer: volunteer.id, at: now, in: tx)
        return ProposalView(proposal, volunteerName: volunteer.contact.firstName)
    }

    /// The volunteer and the person met: the match is active.
    public func start(_ matchID: UUID, by account: Coordinator) async throws -> ProposalView {
        try account.requireCoordinator(to: "start matches")
        let now = clock()
        return try await transaction { tx in
            guard var proposal = try ProposalRepository.find(matchID, municipality: account.municipality, forUpdate: true, in: tx) else {
                throw MatchingError.proposalNotFound
            }
            try proposal.start(at: now)
            try ProposalRepository.save(proposal, in: tx)
            return ProposalView(proposal, volunteerName: try firstName(of: proposal.volunteerId, in: account.municipality, tx))
        }
    }

    /// The match ends with a short evaluation: `matching.ended`.
    public func end(_ matchID: UUID, _ input: EndInput, by account: Coordinator) async throws -> ProposalView {
        try account.requireCoordinator(to: "end matches")
        let evaluation = try FreeText.checked(input.evaluation, field: "evaluation", length: 1...2000)
        let now = clock()
        let today = self.today
        return try await transaction { tx in
            guard var proposal = try ProposalRepository.find(matchID, municipality: account.municipality, forUpdate: true, in: tx),
                var request = try RequestRepository.find(proposal.requestId, municipality: account.municipality, forUpdate: true, in: tx)
            else { throw MatchingError.proposalNotFound }
            try proposal.end(evaluation: evaluation, at: now)
            try ProposalRepository.save(proposal, in: tx)
            request.status = .ended
            try RequestRepository.save(request, in: tx)
            try emit(
                MatchingEnded(
                    requestId: request.requestId,
                    matchId: proposal.id,
                    subjectRef: request.subjectRef,
                    lineId: request.lineId,
                    task: request.task,
                    endedOn: today.description,
                    evaluation: evaluation
                ),
                correlation: request.requestId,
                municipality: account.municipality,
                in: tx
            )
            return ProposalView(proposal, volunteerName: try firstName(of: proposal.volunteerId, in: account.municipality, tx))
        }
    }

    func firstName(of volunteerID: UUID, in municipality: MunicipalityCode, _ tx: Transaction) throws -> String {
        try VolunteerRepository.find(volunteerID, municipality: municipality, in: tx)?.contact.firstName ?? "?"
    }
}

/// What the volunteer's answer page shows: no client data, only the task and when and where.
public struct ProposalOffer: Sendable {
    public var firstName: String
    public var task: VolunteerTask
    public var district: String?
    public var question: String
    public var timeWindows: [String]
    public var durationWeeks: Int?
    public var certificateRequired: Bool
    public var answerBy: LocalDate?

    init(request: SupportRequest, proposal: Proposal, firstName: String) {
        self.firstName = firstName
        task = request.task
        district = request.place?.district ?? request.district
        question = request.question
        timeWindows = request.timeWindows.slots
        durationWeeks = request.durationWeeks
        certificateRequired = request.certificateRequired
        answerBy = proposal.answerBy
    }
}
