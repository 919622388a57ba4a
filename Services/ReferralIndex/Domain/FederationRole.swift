/// What part an instance plays in the federation of referral indexes (SPEC §5): on its own, a
/// region that forwards its signals to the national index and hears of cross-region matches, or
/// the national index that finds them (`REFERRAL_INDEX_FEDERATION`).
public enum FederationRole: Sendable, Equatable {
    case standalone
    case region(String)
    case national

    /// Parses `none`, `region:<name>` (`[a-z0-9-]`, 1-40) or `national`.
    public init?(_ text: String) {
        switch text {
        case "", "none": self = .standalone
        case "national": self = .national
        default:
            guard text.hasPrefix("region:") else { return nil }
            let name = String(text.dropFirst("region:".count))
            guard (1...40).contains(name.count), name.utf8.allSatisfy({ (97...122).contains($0) || (48...57).contains($0) || $0 == 45 })
            else { return nil }
            self = .region(name)
        }
    }

    /// The region's name, when this instance is one.
    public var regionName: String? {
        if case .region(let name) = self { return name }
        return nil
    }
}
