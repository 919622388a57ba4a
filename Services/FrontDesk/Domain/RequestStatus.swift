/// Status van de hulpvraag: where a request is in its lifecycle.
///
/// SPEC §2 draws `received → clarifying → {answered | passed-on | indication | matching} → closed`.
/// Because a request may fan out to several of those at once (e.g. passed on to social work AND
/// an indication for household help), the four middle steps are not statuses but the kinds of
/// the request's routes (`RouteKind`, each `RequestRoute` with its own state). The request itself
/// is `routed` as soon as it has at least one route.
public enum RequestStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Ontvangen: registered, nobody has started on it.
    case received
    /// Vraagverheldering: a staff member is clarifying the question (conversation).
    case clarifying
    /// Uitgezet: one or more routes taken (answered, passed on, indication, matching).
    case routed
    /// Afgesloten: closed with an outcome; final.
    case closed

    /// The Dutch label shown on the staff pages.
    public var dutchName: String {
        switch self {
        case .received: "Ontvangen"
        case .clarifying: "Vraagverheldering"
        case .routed: "Uitgezet"
        case .closed: "Afgesloten"
        }
    }

    /// Whether the lifecycle allows going from `self` to `next` at all. Closing has extra
    /// conditions (finished routes or a reason) that `HelpRequest.close` checks.
    public func canMove(to next: RequestStatus) -> Bool {
        switch (self, next) {
        case (.received, .clarifying), (.clarifying, .routed), (.routed, .routed): true
        case (.received, .closed), (.clarifying, .closed), (.routed, .closed): true
        default: false
        }
    }
}
