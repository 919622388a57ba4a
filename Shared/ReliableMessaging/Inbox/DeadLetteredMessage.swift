/// A message on its way to the dead-letter queue, as a service's `onDeadLetter` record sees it.
public struct DeadLetteredMessage: Sendable {
    /// The envelope's (or the AMQP) message id, when there was one.
    public let messageId: String?
    /// The message type, or `unknown`.
    public let type: String
    /// Why it is dead-lettered (the `x-wmo-dead-letter-reason` header).
    public let reason: String
    /// What the broker says about the sender.
    public let context: DeliveryContext
}
