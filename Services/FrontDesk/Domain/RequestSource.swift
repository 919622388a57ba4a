/// Bron: who brought the request in.
public enum RequestSource: String, Sendable, Hashable, Codable, CaseIterable {
    /// Zelf: the citizen themselves (stored as `self`).
    case citizen = "self"
    /// Ander: someone else, e.g. a relative or neighbour.
    case other
    /// Professional: a signal from a professional (GP, district nurse, school, police).
    case professional

    /// The Dutch label shown on the staff pages.
    public var dutchName: String {
        switch self {
        case .citizen: "Burger zelf"
        case .other: "Iemand anders"
        case .professional: "Professional (signaal)"
        }
    }
}
