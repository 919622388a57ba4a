public import WorkingDays

/// What the questionnaire page shows.
public struct Questionnaire: Sendable {
    public var title: String
    public var closesOn: LocalDate
    public var questions: [SatisfactionSurvey.Question]
}

/// The year's results for a municipality.
public struct SatisfactionResults: Sendable {
    public var surveyId: String
    public var completed: Int
    /// At least `Representativeness.publicationMinimum` completed questionnaires.
    public var publishable: Bool
    /// Shares and means weighted to the population (reference figures for the municipality).
    public var weighted: Bool
    public var questions: [String: ScaleResult]
    /// By question, then district: unweighted, with `SmallCells` applied.
    public var byDistrict: [String: [String: ScaleResult]]
    /// By question, then district × age band: unweighted, with `SmallCells` applied.
    public var byStratum: [String: [Stratum: ScaleResult]]
}
