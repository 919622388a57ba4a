public import Foundation

/// A researcher's new consultation (JSON of `POST /api/v1/consultations`); the questions are
/// numbered `q1`, `q2`, … in the order given.
public struct ConsultationInput: Sendable, Codable {
    public struct AudienceInput: Sendable, Codable {
        /// `all`, `district`, `carers`, `clients`.
        public var kind: String
        public var district: String?

        public init(kind: String, district: String? = nil) {
            self.kind = kind
            self.district = district
        }
    }

    public struct QuestionInput: Sendable, Codable {
        public var text: String
        /// `scale`, `single-choice`, `multiple-choice`, `open-text`, `statement`.
        public var kind: String
        public var options: [String]?
        /// An approved proposal this statement puts to the panel.
        public var proposalId: UUID?

        public init(text: String, kind: String, options: [String]? = nil, proposalId: UUID? = nil) {
            self.text = text
            self.kind = kind
            self.options = options
            self.proposalId = proposalId
        }
    }

    public var title: String
    public var introduction: String?
    public var audience: AudienceInput
    /// `inform`, `consult`, `advise`, `co-produce`, `co-decide`.
    public var level: String
    /// `YYYY-MM-DD`.
    public var opensOn: String
    public var closesOn: String
    public var questions: [QuestionInput]

    public init(
        title: String,
        introduction: String? = nil,
        audience: AudienceInput,
        level: String,
        opensOn: String,
        closesOn: String,
        questions: [QuestionInput]
    ) {
        self.title = title
        self.introduction = introduction
        self.audience = audience
        self.level = level
        self.opensOn = opensOn
        self.closesOn = closesOn
        self.questions = questions
    }
}

/// A round to draw (`POST /api/v1/consultations/:id/rounds`): how many completed questionnaires
/// are wanted and the response expected; the round size follows (`Representativeness.roundSize`).
public struct RoundInput: Sendable, Codable {
    /// Default `Representativeness.targetCompleted` (500).
    public var target: Int?
    /// 0.05-1; default 0.65 (panels answer at 50-80 %).
    public var expectedResponseRate: Double?

    public init(target: Int? = nil, expectedResponseRate: Double? = nil) {
        self.target = target
        self.expectedResponseRate = expectedResponseRate
    }
}

/// A moderator's decision (`POST …/moderation`): `approve` or `reject` with a reason.
public struct ModerationInput: Sendable, Codable {
    public var decision: String
    public var reason: String?

    public init(decision: String, reason: String? = nil) {
        self.decision = decision
        self.reason = reason
    }
}
