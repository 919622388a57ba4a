/// How a message handler says that a message cannot be applied.
public enum HandlerError: Error, Sendable, CustomStringConvertible {
    /// The message is wrong for good (refers to nothing we know, breaks a rule): dead-letter it.
    case rejected(String)
    /// The message came too early (e.g. an answer before its referral exists; arrival order
    /// means nothing, iWmo OP080): send it to the delayed-retry queue and try again later.
    case retryLater(String)

    public var description: String {
        switch self {
        case .rejected(let reason): reason
        case .retryLater(let reason): "retry later: \(reason)"
        }
    }
}
