/// The VNG citizen-survey protocol's thresholds (SPEC §6): a municipality-wide result needs 500
/// completed questionnaires (95 % confidence, 5 % margin) and is not published below 475; the
/// round is drawn large enough for the panel's expected response.
public enum Representativeness {
    public static let targetCompleted = 500
    public static let publicationMinimum = 475

    /// Whether a municipality-wide result of `completed` questionnaires may be published.
    public static func isPublishable(completed: Int) -> Bool { completed >= publicationMinimum }

    /// How many members to invite to reach `targetCompleted` when `responseRate` (0-1) of them
    /// answer; panels answer at 50-80 %.
    public static func roundSize(responseRate: Double, target: Int = targetCompleted) -> Int {
        let rate = min(max(responseRate, 0.05), 1)
        return Int((Double(target) / rate).rounded(.up))
    }
}
