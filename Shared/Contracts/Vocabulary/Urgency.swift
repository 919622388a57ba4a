/// How urgent a request is. A crisis gets a temporary provision the same day.
public enum Urgency: String, Sendable, Hashable, Codable, CaseIterable {
    case crisis
    case high
    case normal

    /// `Crisis`, `Hoog`, `Normaal`: as staff pages show it.
    public var dutchName: String {
        switch self {
        case .crisis: "Crisis"
        case .high: "Hoog"
        case .normal: "Normaal"
        }
    }
}
