public import WorkingDays

/// A submitted questionnaire (ingevulde vragenlijst) as the panel keeps it (SPEC §6): the answers
/// with only what weighting and breakdowns need (district, age band, sex) and the day, never the member,
/// the token or the time of day, so that no stored response can be joined back to whoever gave
/// it. The one-time link is deleted when it is used.
public struct SubmittedResponse: Sendable, Equatable {
    /// One answer.
    public enum Answer: Sendable, Equatable {
        /// A scale question, 1-5.
        case scale(Int)
        /// A single or multiple choice: the chosen options.
        case choice([String])
        /// An open answer, shown only after moderation.
        case text(String)
        /// A statement (stelling): agree, disagree or neither.
        case statement(Stance)
    }

    /// A position on a statement.
    public enum Stance: String, Sendable, Codable, CaseIterable {
        case agree, neither, disagree
    }

    public var surveyId: String
    public var district: String?
    /// As the respondent gave it; absent when they left it out.
    public var ageBand: AgeBand?
    /// `female`, `male` or `other`/absent, for weighting.
    public var sex: String?
    public var submittedOn: LocalDate
    /// By question id.
    public var answers: [String: Answer]

    public init(surveyId: String, district: String?, ageBand: AgeBand?, sex: String?, submittedOn: LocalDate, answers: [String: Answer]) {
        self.surveyId = surveyId
        self.district = district
        self.ageBand = ageBand
        self.sex = sex
        self.submittedOn = submittedOn
        self.answers = answers
    }

    /// The respondent's stratum, when both district and age band are known.
    public var stratum: Stratum? {
        guard let district, let ageBand else { return nil }
        return Stratum(district: district, ageBand: ageBand)
    }
}
