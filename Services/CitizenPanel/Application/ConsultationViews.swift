public import Foundation
public import WorkingDays

/// A consultation as the researchers' API shows it.
public struct ConsultationView: Sendable, Codable, Equatable {
    public struct AudienceView: Sendable, Codable, Equatable {
        public var kind: String
        public var district: String?
    }

    public struct QuestionView: Sendable, Codable, Equatable {
        public var id: String
        public var text: String
        public var kind: String
        public var options: [String]
        public var proposalId: UUID?
    }

    public var id: UUID
    public var title: String
    public var introduction: String
    public var audience: AudienceView
    public var level: String
    public var opensOn: String
    public var closesOn: String
    /// `planned`, `open` or `closed` today.
    public var status: String
    public var questions: [QuestionView]

    init(_ consultation: Consultation, today: LocalDate) {
        id = consultation.id
        title = consultation.title
        introduction = consultation.introduction
        audience = AudienceView(kind: consultation.audience.kind, district: consultation.audience.district)
        level = consultation.level.rawValue
        opensOn = consultation.opensOn.description
        closesOn = consultation.closesOn.description
        status = consultation.hasClosed(on: today) ? "closed" : consultation.isOpen(on: today) ? "open" : "planned"
        questions = consultation.questions.map {
            QuestionView(id: $0.id, text: $0.text, kind: $0.kind.rawValue, options: $0.options, proposalId: $0.proposalId)
        }
    }
}

/// A drawn round: how many were invited, per stratum.
public struct RoundView: Sendable, Codable, Equatable {
    public struct StratumCount: Sendable, Codable, Equatable {
        public var district: String
        public var ageBand: String
        public var invited: Int
    }

    public var roundId: UUID
    public var consultationId: UUID
    public var target: Int
    public var expectedResponseRate: Double
    /// The round size the target and rate ask for.
    public var size: Int
    /// As many as the audience's members allowed (at most `size`).
    public var invited: Int
    public var strata: [StratumCount]
}

/// How many members of a consultation's rounds answered, per stratum (invitations of members
/// who left since still count). Like any result, a stratum's number who answered (and its rate)
/// is shown only where `SmallCells` allows.
public struct ResponseRateView: Sendable, Codable, Equatable {
    public struct StratumRate: Sendable, Codable, Equatable {
        public var district: String
        public var ageBand: String
        public var invited: Int
        /// `nil`: fewer than five, or what would give such a stratum away.
        public var answered: Int?
        public var rate: Double?
    }

    public var consultationId: UUID
    public var invited: Int
    public var answered: Int
    public var rate: Double
    public var strata: [StratumRate]
}

/// What a reminder run did.
public struct ReminderView: Sendable, Codable, Equatable {
    public var consultationId: UUID
    /// Members asked again (each only once).
    public var reminded: Int
}

/// An open answer waiting for (or after) moderation.
public struct OpenAnswerView: Sendable, Codable, Equatable {
    public var id: UUID
    public var questionId: String
    public var question: String
    public var text: String
    public var status: String
}

/// A member's proposed statement.
public struct ProposalView: Sendable, Codable, Equatable {
    public var id: UUID
    public var text: String
    public var proposedOn: String
    public var status: String

    init(_ proposal: StatementProposal) {
        id = proposal.id
        text = proposal.text
        proposedOn = proposal.proposedOn.description
        status = proposal.status.rawValue
    }
}

/// What the member's questionnaire page shows.
public struct ConsultationQuestionnaire: Sendable {
    public var title: String
    public var introduction: String
    public var level: ParticipationLevel
    public var closesOn: LocalDate
    public var questions: [ConsultationQuestion]
}
