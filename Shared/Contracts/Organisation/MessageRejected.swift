/// `notice.message-rejected`: a rejection notice to an organisation. One of its messages was
/// dead-lettered by the service that consumed it; the notice says which and why, nothing else
/// (the organisation cannot read the service's dead-letter queue). Sent to the organisation's
/// own queue with routing key `notice.message-rejected.<organisation>`.
public struct MessageRejected: MessageContract, Equatable {
    public static let messageType = "notice.message-rejected"
    public static let schemaVersion = SchemaVersion(1, 0)
    /// The `message_id` of the refused message as it was sent (empty when it had none).
    public var rejectedMessageId: String
    /// Its `type` property, when it had one.
    public var rejectedType: String?
    /// Why, as in the dead-letter header (`x-wmo-dead-letter-reason`).
    public var reason: String
    /// The queue that refused it.
    public var queue: String

    public init(rejectedMessageId: String, rejectedType: String?, reason: String, queue: String) {
        self.rejectedMessageId = rejectedMessageId
        self.rejectedType = rejectedType
        self.reason = reason
        self.queue = queue
    }
}
