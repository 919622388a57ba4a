public import WorkingDays

/// The citizen panel's settings (from the environment, `CitizenPanelConfiguration`).
public struct CitizenPanelSettings: Sendable {
    /// Which clients the satisfaction survey invites.
    public var sampling: SatisfactionSampling
    /// Where respondents reach the questionnaire, e.g. `https://panel.arnhem.nl`.
    public var publicBaseURL: String
    public var calendar: WorkingDayCalendar

    public init(sampling: SatisfactionSampling = SatisfactionSampling(), publicBaseURL: String, calendar: WorkingDayCalendar = WorkingDayCalendar()) {
        self.sampling = sampling
        self.publicBaseURL = publicBaseURL
        self.calendar = calendar
    }
}
