/// The anonymity rule for results (SPEC §6): no published cell has fewer than five respondents.
/// A breakdown with exactly one suppressed cell would give it away (total minus the others), so
/// then the next smallest cell is suppressed too.
public enum SmallCells {
    public static let minimum = 5

    /// `counts` with every cell that may not be shown as `nil`.
    public static func suppress<Key: Hashable & Comparable>(_ counts: [Key: Int]) -> [Key: Int?] {
        var shown: [Key: Int?] = counts.mapValues { $0 < minimum ? nil : $0 }
        let hidden = counts.keys.filter { counts[$0]! < minimum }
        if hidden.count == 1 {
            let next = counts.keys.filter { shown[$0]! != nil }.min { (counts[$0]!, $0) < (counts[$1]!, $1) }
            if let next { shown[next] = .some(nil) }
        }
        return shown
    }
}
