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
        // Each dimension as category numbers per respondent (-1: not given or not in the
        // margin), so that an iteration is arithmetic on arrays.
        struct Coded {
            var category: [Int]
            var target: [Double]
        }
        var coded: [Coded] = []
        for dimension in Dimension.allCases {
            guard let margin = margins[dimension] else { continue }
            let names = margin.keys.sorted()
            let number = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
            let category = respondents.map { profile in profile[dimension].flatMap { number[$0] } ?? -1 }
            coded.append(Coded(category: category, target: names.map { margin[$0]! }))
        }
        var weights = [Double](repeating: 1, count: respondents.count)
        for _ in 0..<iterations {
            var change = 0.0
            for dimension in coded {
                var weighted = [Double](repeating: 0, count: dimension.target.count)
                for (index, category) in dimension.category.enumerated() where category >= 0 { weighted[category] += weights[index] }
                // Only categories someone answered for count: nobody can stand in for the others.
                let share = zip(dimension.target, weighted).reduce(0) { $1.1 > 0 ? $0 + $1.0 : $0 }
                let mass = weighted.reduce(0, +)
                guard share > 0, mass > 0 else { continue }
                let factors = zip(dimension.target, weighted).map { target, current in current > 0 ? (target / share) * mass / current : 1 }
                for factor in factors { change = max(change, abs(factor - 1)) }
                for (index, category) in dimension.category.enumerated() where category >= 0 { weights[index] *= factors[category] }
            }
            if change < tolerance { break }
        }
        let mean = weights.reduce(0, +) / Double(weights.count)
        return weights.map { $0 / mean }
    }
}
