/// Uitkomst: how a request ended, chosen by staff when closing it; carried by
/// `frontdesk.request.closed` and counted in the figures.
public enum RequestOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    /// Opgelost: the question was answered or the need met.
    case resolved
    /// Deels opgelost: part of the need was met.
    case partlyResolved = "partly-resolved"
    /// Niet opgelost: no route could help.
    case notResolved = "not-resolved"
    /// Ingetrokken: the citizen withdrew the request.
    case withdrawn
    /// Niet bereikbaar: the citizen could not be reached.
    case unreachable
    /// Dubbel: the same question is already handled in another request.
    case duplicate

    /// The Dutch label shown on the staff pages.
    public var dutchName: String {
        switch self {
        case .resolved: "Opgelost"
        case .partlyResolved: "Deels opgelost"
        case .notResolved: "Niet opgelost"
        case .withdrawn: "Ingetrokken door de burger"
        case .unreachable: "Burger niet bereikbaar"
        case .duplicate: "Dubbele hulpvraag"
        }
    }
}
