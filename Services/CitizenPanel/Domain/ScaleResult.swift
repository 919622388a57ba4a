/// The result of a scale question (1-5) for publication: counts and weighted shares per value
/// and the weighted mean, with `SmallCells` applied: a value chosen by fewer than five is not
/// shown, and under five respondents nothing is.
public struct ScaleResult: Sendable, Equatable {
    public var respondents: Int
    /// Respondents per value; `nil` where suppressed.
    public var counts: [Int: Int?]
    /// Weighted share per value (0-1); `nil` where suppressed.
    public var shares: [Int: Double?]
    /// The weighted mean; `nil` under five respondents or when a value is hidden.
    public var mean: Double?

    /// The result of `answers` (each value with its respondent's weight) on `scale`.
    public static func of(_ answers: [(value: Int, weight: Double)], scale: ClosedRange<Int> = 1...5) -> ScaleResult {
        let valid = answers.filter { scale.contains($0.value) && $0.weight > 0 }
        var counts: [Int: Int] = Dictionary(uniqueKeysWithValues: scale.map { ($0, 0) })
        var weighted: [Int: Double] = Dictionary(uniqueKeysWithValues: scale.map { ($0, 0) })
        for answer in valid {
            counts[answer.value]! += 1
            weighted[answer.value]! += answer.weight
        }
        let mass = weighted.values.reduce(0, +)
        guard valid.count >= SmallCells.minimum, mass > 0 else {
            return ScaleResult(
                respondents: valid.count,
                counts: counts.mapValues { _ in nil },
                shares: weighted.mapValues { _ in nil },
                mean: nil
            )
        }
        let shown = SmallCells.suppress(counts)
        return ScaleResult(
            respondents: valid.count,
            counts: shown,
            shares: Dictionary(uniqueKeysWithValues: scale.map { value in (value, shown[value]! == nil ? nil : weighted[value]! / mass) }),
            // A mean beside hidden values would give them back: then it is not shown either.
            mean: scale.contains { shown[$0]! == nil && counts[$0]! > 0 } ? nil : valid.reduce(0) { $0 + Double($1.value) * $1.weight } / mass
        )
    }
}
