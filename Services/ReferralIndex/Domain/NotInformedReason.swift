/// Why the professional did not (yet) inform the young person or the parents of the signal
/// (Jeugdwet 7.1.4.2): a fixed list, so that no case content enters the index.
public enum NotInformedReason: String, Sendable, Codable, CaseIterable {
    /// Informing would endanger the young person or someone else.
    case safety
    /// The young person or the parents could not be reached.
    case unreachable
    /// Another professional informs them (one conversation, not two).
    case otherProfessional = "other-professional"

    public var dutchName: String {
        switch self {
        case .safety: "informeren brengt de jongere of een ander in gevaar"
        case .unreachable: "niet bereikbaar"
        case .otherProfessional: "een andere professional informeert"
        }
    }
}
