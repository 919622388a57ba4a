public import Foundation
public import Messaging

/// Broker housekeeping for tests (count, purge, delete, read a dead-letter queue), on its own
/// serial queue because the connection blocks.
public final class BrokerAdmin: Sendable {
    private let url: AMQPURL
    private let queue = DispatchQueue(label: "wmo.test.broker-admin")

    public init(url: String = TestServers.amqpURL) throws {
        self.url = try AMQPURL(parsing: url)
    }

    /// Runs `body` with a fresh connection (opened and closed per call, so a broker restart in
    /// between does not matter).
    public func with<T: Sendable>(_ body: @escaping @Sendable (AMQPConnection) throws -> T) async throws -> T {
        let url = url
        return try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(
                    with: Result {
                        let connection = try AMQPConnection(url: url, name: "test-admin")
                        defer { connection.close() }
                        return try body(connection)
                    }
                )
            }
        }
    }

    /// Ready messages in `queue`.
    public func messageCount(_ queue: String) async throws -> Int {
        try await with { try $0.messageCount(queue) }
    }

    /// Declares `topology` (queues of a test).
    public func declare(_ topology: Topology) async throws {
        try await with { try topology.declare(on: $0) }
    }

    /// Deletes a test's queues with their dead-letter and retry queues.
    public func delete(_ queue: Topology.Queue) async throws {
        try await with { connection in
            for name in [queue.name, queue.deadLetterQueue, queue.retryQueue] { try? connection.deleteQueue(name) }
        }
    }

    /// Reads up to `count` messages from `queue` (acking them), waiting up to `timeout`.
    public func drain(_ queue: String, count: Int, timeout: TimeInterval = 10) async throws -> [Delivery] {
        try await with { connection in
            try connection.setPrefetch(UInt16(min(count, 1000)))
            try connection.startConsuming(queue)
            var result: [Delivery] = []
            let deadline = Date().addingTimeInterval(timeout)
            while result.count < count, Date() < deadline {
                if let delivery = try connection.nextDelivery(timeout: 0.2, generation: 1, queue: queue) {
                    try connection.ack(delivery.deliveryTag, multiple: false)
                    result.append(delivery)
                }
            }
            return result
        }
    }
}
