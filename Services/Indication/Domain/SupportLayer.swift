/// Laag van het arrangement (SPEC P4, the layered model): support comes from the first layer that
/// suffices, in this order. An individual provision is the last resort.
public enum SupportLayer: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Eigen kracht: what the person does themselves.
    case ownStrength = "own-strength"
    /// Netwerk: family, neighbours, friends.
    case network
    /// Informele ondersteuning: a volunteer or informal carer (matching).
    case informalSupport = "informal-support"
    /// Algemene voorziening: open to all, without a decision.
    case generalProvision = "general-provision"
    /// Maatwerkvoorziening: an individual provision, by decision (beschikking).
    case individualProvision = "individual-provision"

    public static func < (lhs: SupportLayer, rhs: SupportLayer) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The Dutch name shown to assessors.
    public var dutchName: String {
        switch self {
        case .ownStrength: "Eigen kracht"
        case .network: "Netwerk"
        case .informalSupport: "Informele ondersteuning"
        case .generalProvision: "Algemene voorziening"
        case .individualProvision: "Maatwerkvoorziening"
        }
    }
}
