import Foundation
public import Messaging

/// What the broker says to one connection of an organisation's login: the refusal code of a
/// publish or a consume (403 access refused, 406 a forged `user_id`), or `nil` when accepted.
public enum BrokerRefusal {
    /// Runs `body` on a fresh connection as `url`'s login; the broker's refusal code, or nil.
    public static func code(as url: AMQPURL, _ body: @escaping @Sendable (AMQPConnection) throws -> Void) async -> Int? {
        await withCheckedContinuation { continuation in
            Thread {
                do {
                    let connection = try AMQPConnection(url: url, name: "test-access")
                    defer { connection.close() }
                    try body(connection)
                    continuation.resume(returning: nil)
                } catch let error as AMQPError {
                    switch error {
                    case .brokerRefused(_, let code, _), .channelClosed(let code, _): continuation.resume(returning: code)
                    default: continuation.resume(returning: -1)
                    }
                } catch {
                    continuation.resume(returning: -1)
                }
            }.start()
        }
    }

    /// The refusal code of publishing `message` (confirmed) as `url`'s login to `exchange` under
    /// `key`, with `userId` (the login's own by default; none when `unsigned`).
    public static func publish(
        as url: AMQPURL,
        _ message: OutgoingMessage,
        exchange: String,
        key: String,
        userId: String? = nil,
        unsigned: Bool = false
    ) async -> Int? {
        var message = message
        message.exchange = exchange
        message.routingKey = key
        message.properties.userId = unsigned ? nil : (userId ?? url.user)
        let sent = message
        return await code(as: url) { connection in
            try connection.enableConfirms()
            let tag = try connection.publish(sent)
            try connection.waitForConfirms(from: tag, through: tag)
        }
    }
}
