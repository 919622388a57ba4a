/// What went wrong talking to RabbitMQ.
public enum AMQPError: Error, Sendable, CustomStringConvertible {
    /// The `AMQP_URL` could not be parsed.
    case invalidURL(String)
    /// TCP connect or login failed. Transient: the client retries with backoff.
    case connectionFailed(String)
    /// The broker or the network closed the connection or channel.
    case connectionClosed(String)
    /// A library call failed (socket error, timeout, protocol state).
    case library(operation: String, message: String)
    /// The broker refused a method (e.g. declaring a queue with other arguments).
    case brokerRefused(operation: String, code: Int, message: String)
    /// The broker closed the channel because of something we sent (a message above
    /// `max_message_size`, an exchange that does not exist, a permission): the message is at
    /// fault, not the connection.
    case channelClosed(code: Int, message: String)
    /// The broker answered basic.nack: it did not take responsibility for the message.
    case nacked(count: Int)
    /// The consumer was cancelled by the broker (queue deleted).
    case consumerCancelled(queue: String)
    /// The client was shut down.
    case closed

    /// True when the failure is about what was sent (refused, nacked), not about reaching the
    /// broker: retrying the same message elsewhere will not help.
    public var isMessageRefusal: Bool {
        switch self {
        case .channelClosed, .nacked: true
        default: false
        }
    }

    public var description: String {
        switch self {
        case .invalidURL(let url): "AMQP_URL '\(url)' is not amqp://user:password@host:port/vhost"
        case .connectionFailed(let message): "cannot connect to RabbitMQ: \(message) (check AMQP_URL and that the broker runs)"
        case .connectionClosed(let message): "RabbitMQ closed the connection: \(message)"
        case .library(let operation, let message): "\(operation) failed: \(message)"
        case .brokerRefused(let operation, let code, let message): "RabbitMQ refused \(operation): \(code) \(message)"
        case .channelClosed(let code, let message): "RabbitMQ closed the channel: \(code) \(message)"
        case .nacked(let count): "RabbitMQ nacked \(count) message(s); they were not stored"
        case .consumerCancelled(let queue): "the broker cancelled the consumer on '\(queue)' (queue deleted?)"
        case .closed: "the AMQP client was shut down"
        }
    }
}
