/// Soort hulpvraag: what kind of request this is in law, which decides its statutory deadlines.
public enum RequestKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Vraag: a simple question (information, advice, a general provision) answered at once;
    /// not a Wmo notification, so no statutory deadline.
    case question
    /// Melding (Wmo 2015 art. 2.3.2): the citizen reports a need for support; the investigation
    /// must complete within 6 weeks.
    case notification
    /// Aanvraag (Wmo 2015 art. 2.3.5): the citizen applies for a provision; the decision
    /// (beschikking) follows within 2 weeks.
    case application
    /// Klacht (Awb chapter 9): a complaint, handled within 6 weeks (10 with a complaints committee).
    case complaint

    /// The Dutch label shown on the staff pages.
    public var dutchName: String {
        switch self {
        case .question: "Vraag"
        case .notification: "Melding"
        case .application: "Aanvraag"
        case .complaint: "Klacht"
        }
    }
}
