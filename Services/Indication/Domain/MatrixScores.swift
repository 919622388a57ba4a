public import Contracts

/// Scores of the Self-Sufficiency Matrix (zelfredzaamheidsmatrix, SPEC 7.1): per life domain 1
/// (acute problems) to 5 (fully self-sufficient). Domains not scored are unknown, not "fine".
public struct MatrixScores: Sendable, Hashable, Codable {
    /// The version of the domain list the scores were given against (`LifeDomain.listVersion`).
    public let listVersion: String
    /// The scores given.
    public let scores: [LifeDomain: Int]

    /// The valid range of a score.
    public static let range = 1...5

    /// Checked scores; refused when empty or a score lies outside 1-5.
    public init(_ scores: [LifeDomain: Int], listVersion: String = LifeDomain.listVersion) throws(IndicationError) {
        guard !scores.isEmpty else { throw .noScores }
        for domain in LifeDomain.allCases {
            if let score = scores[domain], !Self.range.contains(score) { throw .scoreOutOfRange(domain: domain, score: score) }
        }
        self.scores = scores
        self.listVersion = listVersion
    }

    /// Scores from the raw domain names of an API body or a form.
    public init(named: [String: Int]) throws(IndicationError) {
        var scores: [LifeDomain: Int] = [:]
        for (name, score) in named {
            guard let domain = LifeDomain(rawValue: name) else { throw .unknownDomain(name) }
            scores[domain] = score
        }
        try self.init(scores)
    }

    /// The score of `domain`, `nil` when not scored.
    public subscript(domain: LifeDomain) -> Int? { scores[domain] }

    /// The change per domain since `earlier` (positive: more self-sufficient), for the domains
    /// both scored.
    public func change(since earlier: MatrixScores) -> [LifeDomain: Int] {
        var change: [LifeDomain: Int] = [:]
        for (domain, score) in scores {
            if let before = earlier.scores[domain] { change[domain] = score - before }
        }
        return change
    }

    /// The domains scored 1 or 2: where the person is not self-sufficient.
    public var domainsNeedingSupport: [LifeDomain] {
        LifeDomain.allCases.filter { (scores[$0] ?? 5) <= 2 }
    }
}
