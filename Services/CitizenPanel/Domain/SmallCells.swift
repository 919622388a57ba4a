/// The anonymity rule for results (SPEC §6): no published cell has fewer than five respondents,
/// and no hidden cell can be worked out from the total and the shown ones (secondary
/// suppression).
public enum SmallCells {
    public static let minimum = 5

    /// `counts` with every cell that may not be shown as `nil`: the cells under five, and then
    /// the smallest shown ones until the hidden cells together hold none or at least five people
    /// and no single person's cell can be worked out from the total.
    public static func suppress<Key: Hashable & Comparable>(_ counts: [Key: Int]) -> [Key: Int?] {
        var hidden = Set(counts.keys.filter { counts[$0]! < minimum })
        func hiddenTotal() -> Int { hidden.reduce(0) { $0 + counts[$1]! } }
        while (1..<minimum).contains(hiddenTotal()) || hidden.filter({ counts[$0]! > 0 }).count == 1,
            let next = counts.keys.filter({ !hidden.contains($0) }).min(by: { (counts[$0]!, $0) < (counts[$1]!, $1) })
        {
            hidden.insert(next)
        }
        return Dictionary(uniqueKeysWithValues: counts.map { key, count in (key, hidden.contains(key) ? nil : count) })
    }
}
