public import Contracts

/// The profile closest to a case's scores, with the reason in words: decision support for the
/// assessor, who confirms or overrides it.
public struct ProfileSuggestion: Sendable, Hashable, Codable {
    public let profileID: Int
    /// Sum of squared differences between the scores and the profile's pattern (lower is closer).
    public let distance: Int
    /// The runner-up, when it is as close (the assessor should look twice).
    public let alternativeID: Int?
    /// Why, e.g. "Profiel 3 (Kwetsbare oudere) ligt het dichtst bij de scores: …".
    public let reason: String
    /// The domains that match the profile's pattern most clearly (scored ≤ 3 in both).
    public let matchingDomains: [LifeDomain]
}
