public import Foundation
public import WorkingDays

/// Matching's rules as configured (`MatchingConfiguration` reads them from the environment).
public struct MatchingSettings: Sendable {
    public var districts: DistrictMap
    public var calendar: WorkingDayCalendar
    /// Working days a request may wait for a match before `matching.failed` (default 10).
    public var failAfterWorkingDays: Int
    /// Working days a volunteer has to answer a proposal before it lapses (default 3).
    public var answerWorkingDays: Int
    /// Burden score (0-9) from which a carer is overburdened (default 7).
    public var burdenThreshold: Int
    public var scorer: MatchScorer
    /// Where the one-time answer page is reached, e.g. `https://matching.arnhem.nl`.
    public var publicBaseURL: String

    public init(
        districts: DistrictMap,
        calendar: WorkingDayCalendar = WorkingDayCalendar(),
        failAfterWorkingDays: Int = 10,
        answerWorkingDays: Int = 3,
        burdenThreshold: Int = 7,
        scorer: MatchScorer = MatchScorer(),
        publicBaseURL: String = "http://127.0.0.1:8083"
    ) {
        self.districts = districts
        self.calendar = calendar
        self.failAfterWorkingDays = failAfterWorkingDays
        self.answerWorkingDays = answerWorkingDays
        self.burdenThreshold = burdenThreshold
        self.scorer = scorer
        self.publicBaseURL = publicBaseURL
    }
}
