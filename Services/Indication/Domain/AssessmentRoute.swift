/// Who assesses a case (SPEC §3, routing): the municipality itself (70-80% of cases), or an
/// independent assessor organisation whose advice comes back over its queue.
public enum AssessmentRoute: String, Sendable, Hashable, Codable {
    /// The municipality's own assessors.
    case municipality
    /// An independent assessor (a partner on a queue) advises first.
    case independentAssessor = "independent-assessor"
}
