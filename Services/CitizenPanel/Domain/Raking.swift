/// Weighting to the population (weging) by age band, sex and district (SPEC §6, the VNG
/// protocol): raking, i.e. iterative proportional fitting, adjusts every respondent's weight
/// until the weighted shares of each dimension match the population's. Weights average 1, so a
/// weighted count stays comparable to the number of respondents.
public enum Raking {
    /// A dimension weighted on.
    public enum Dimension: String, Sendable, Hashable, CaseIterable {
        case ageBand, sex, district
    }

    /// One respondent's category on each dimension.
    public typealias Profile = [Dimension: String]

    /// The weight of each of `respondents`, matching `margins` (each dimension's population
    /// shares or counts by category). A category no respondent has is left out of its margin
    /// (it cannot be weighted up from nothing); a dimension without margins is not weighted.
    public static func weights(
        of respondents: [Profile],
        margins: [Dimension: [String: Double]],
        iterations: Int = 100,
        tolerance: Double = 1e-9
    ) -> [Double] {
        guard !respondents.isEmpty else { return [] }
        var weights = [Double](repeating: 1, count: respondents.count)
        let dimensions = Dimension.allCases.filter { margins[$0] != nil }
        for _ in 0..<iterations {
            var change = 0.0
            for dimension in dimensions {
                let margin = margins[dimension]!
                var weighted: [String: Double] = [:]
                for (index, respondent) in respondents.enumerated() {
                    guard let category = respondent[dimension], margin[category] != nil else { continue }
                    weighted[category, default: 0] += weights[index]
                }
                let covered = margin.filter { weighted[$0.key] != nil }
                let share = covered.values.reduce(0, +)
                let mass = weighted.values.reduce(0, +)
                guard share > 0, mass > 0 else { continue }
                for (index, respondent) in respondents.enumerated() {
                    guard let category = respondent[dimension], let target = covered[category], let current = weighted[category] else { continue }
                    let factor = (target / share) * mass / current
                    change = max(change, abs(factor - 1))
                    weights[index] *= factor
                }
            }
            if change < tolerance { break }
        }
        let mean = weights.reduce(0, +) / Double(weights.count)
        return weights.map { $0 / mean }
    }
}
