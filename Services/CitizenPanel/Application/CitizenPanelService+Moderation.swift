public import Foundation
import Storage
import WorkingDays

/// Moderation (SPEC §6): open answers are shown only once approved, and only after the
/// consultation closed (nobody reads answers earlier); members' proposed statements are
/// approved or rejected before a researcher puts them to the panel.
extension CitizenPanelService {
    /// The open answers to a closed consultation with `status` (`pending`, `approved`, `rejected`).
    public func openAnswers(_ id: UUID, status: String, by researcher: Researcher) async throws -> [OpenAnswerView] {
        guard ["pending", "approved", "rejected"].contains(status) else {
            throw PanelError.invalidConsultation(field: "status", problem: "pending, approved of rejected")
        }
        let today = self.today
        return try await transaction { tx in
            let consultation = try Self.find(id, for: researcher, in: tx)
            guard consultation.hasClosed(on: today) else { throw PanelError.resultsNotYet(consultation.closesOn.dutchFormatted) }
            try ResponseBuffer.flush(consultation: consultation.id, municipality: consultation.municipality, minimum: 0, in: tx)
            let texts = Dictionary(uniqueKeysWithValues: consultation.questions.map { ($0.id, $0.text) })
            return try OpenAnswerRepository.all(consultation: consultation.id, status: status, in: tx).map {
                OpenAnswerView(id: $0.id, questionId: $0.questionId, question: texts[$0.questionId] ?? "", text: $0.text, status: $0.status)
            }
        }
    }

    /// Approves or rejects a pending open answer of a closed consultation of the researcher's municipality.
    public func moderateOpenAnswer(_ id: UUID, _ input: ModerationInput, by researcher: Researcher) async throws {
        let moderation = try Self.moderation(input)
        let today = self.today
        let done = try await transaction { tx in
            try OpenAnswerRepository.moderate(id, municipality: researcher.municipality.rawValue, moderation, by: researcher, today: today, in: tx)
        }
        guard done else { throw PanelError.nothingToModerate }
    }

    /// A member proposes a statement through their personal link (`token`); at most
    /// `StatementProposal.maximumPending` wait at once.
    public func propose(token: String, text: String) async throws {
        let today = self.today
        try await transaction { tx in
            guard let member = try MemberRepository.find(personalToken: token, in: tx) else { throw PanelError.memberNotFound }
            let proposal = try StatementProposal(municipality: member.municipality, text: text, proposedOn: today)
            guard try ProposalRepository.pending(member: member.id, in: tx) < StatementProposal.maximumPending else {
                throw PanelError.tooManyProposals
            }
            try ProposalRepository.insert(proposal, member: member.id, in: tx)
        }
    }

    /// The proposals of the researcher's municipality with `status`.
    public func proposals(status: String, by researcher: Researcher) async throws -> [ProposalView] {
        guard let status = StatementProposal.Status(rawValue: status) else {
            throw PanelError.invalidConsultation(field: "status", problem: "pending, approved, rejected of put-to-panel")
        }
        return try await transaction { tx in
            try ProposalRepository.all(municipality: researcher.municipality, status: status, in: tx).map(ProposalView.init)
        }
    }

    /// Approves or rejects a pending proposal; an approved one can then be put to the panel in a
    /// consultation (`ConsultationInput.QuestionInput.proposalId`).
    public func moderateProposal(_ id: UUID, _ input: ModerationInput, by researcher: Researcher) async throws {
        let moderation = try Self.moderation(input)
        let done = try await transaction { tx in
            try ProposalRepository.moderate(id, municipality: researcher.municipality.rawValue, moderation, by: researcher, in: tx)
        }
        guard done else { throw PanelError.nothingToModerate }
    }

    static func moderation(_ input: ModerationInput) throws(PanelError) -> Moderation {
        guard let decision = Moderation.Decision(rawValue: input.decision) else { throw .invalidModeration }
        return try Moderation(decision: decision, reason: input.reason)
    }
}
