public import WorkingDays

/// The citizen panel's settings (from the environment, `CitizenPanelConfiguration`).
public struct CitizenPanelSettings: Sendable {
    /// Which clients the satisfaction survey invites.
    public var sampling: SatisfactionSampling
    /// Where respondents reach the questionnaire, e.g. `https://panel.arnhem.nl`.
    public var publicBaseURL: String
    public var calendar: WorkingDayCalendar
    /// What results are weighted to; `nil`: not weighted.
    public var population: Population?

    public init(
        sampling: SatisfactionSampling = SatisfactionSampling(),
        publicBaseURL: String,
        calendar: WorkingDayCalendar = WorkingDayCalendar(),
        population: Population? = nil
    ) {
        self.sampling = sampling
        self.publicBaseURL = publicBaseURL
        self.calendar = calendar
        self.population = population
    }
}
