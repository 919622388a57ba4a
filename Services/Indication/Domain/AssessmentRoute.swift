/// Who assesses a case (SPEC §3, routing): the municipality itself (70-80% of cases), an
/// independent assessor organisation whose advice comes back over its queue, or the
/// municipality's expertise team (multi-problem cases, provisions outside an assessor's mandate).
public enum AssessmentRoute: String, Sendable, Hashable, Codable {
    /// The municipality's own assessors.
    case municipality
    /// An independent assessor (a partner on a queue) advises first.
    case independentAssessor = "independent-assessor"
    /// Expertiseteam: the municipality's own team for multi-problem cases and provisions outside
    /// a regular assessor's mandate; only its members decide, from their own work list.
    case expertiseTeam = "expertise-team"
}
