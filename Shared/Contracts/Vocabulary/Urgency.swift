/// How urgent a request is. A crisis gets a temporary provision the same day.
public enum Urgency: String, Sendable, Hashable, Codable, CaseIterable {
    case crisis
    case high
    case normal
}
