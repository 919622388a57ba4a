/// What to tell the broker about a delivery once it is handled.
public enum Settlement: Sendable, Equatable {
    /// Done: remove it (and, with `multiple`, every earlier delivery of this connection).
    case ack(tag: UInt64, multiple: Bool, generation: Int)
    /// Give it back to the queue (shutdown before it was handled).
    case requeue(tag: UInt64, generation: Int)
}
