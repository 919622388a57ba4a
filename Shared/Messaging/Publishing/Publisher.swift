import Foundation
public import Logging
import Metrics
import Synchronization

/// Publishes with publisher confirms over its own connection, on its own serial queue.
///
/// `publish` returns only after the broker confirmed every message of the batch; a broken
/// connection is reopened with backoff and the unconfirmed batch is sent again, so a message
/// is never reported sent before the broker stored it (duplicates are possible and the
/// consumers' inbox removes them).
public final class Publisher: Sendable {
    private final class ConnectionBox: @unchecked Sendable {
        var connection: AMQPConnection?  // touched only on `queue`
    }

    private let url: AMQPURL
    private let name: String
    private let topology: Topology?
    private let logger: Logger
    private let queue: DispatchQueue
    private let box = ConnectionBox()
    private let isClosed = Atomic<Bool>(false)
    private let published: Counter
    private let reconnects: Counter

    /// - Parameters:
    ///   - name: connection name shown in the broker's management UI.
    ///   - topology: declared on every (re)connect, so publishing never races the consumers' setup.
    public init(url: AMQPURL, name: String, topology: Topology? = nil, logger: Logger) {
        self.url = url
        self.name = name
        self.topology = topology
        self.logger = logger
        queue = DispatchQueue(label: "wmo.amqp.publisher.\(name)")
        published = Counter(label: "wmo_messages_published_total", dimensions: [("connection", name)])
        reconnects = Counter(label: "wmo_amqp_reconnects_total", dimensions: [("connection", name)])
    }

    /// Publishes `messages` and waits for their confirms, retrying through reconnects until
    /// the broker confirmed all of them or `retryFor` has passed (or the task is cancelled).
    public func publish(_ messages: [OutgoingMessage], retryFor: Duration = .seconds(120)) async throws {
        guard !messages.isEmpty else { return }
        var backoff = Backoff()
        let clock = ContinuousClock()
        let deadline = clock.now + retryFor
        while true {
            do {
                try await publishOnce(messages)
                return
            } catch {
                if case .closed = error { throw error }
                guard clock.now < deadline else { throw error }
                let wait = backoff.next()
                logger.warning(
                    "publish failed, retrying",
                    metadata: ["error": "\(error)", "messages": "\(messages.count)", "retryIn": "\(wait)"]
                )
                try await Task.sleep(for: wait)
            }
        }
    }

    /// Publishes one message; see `publish(_:retryFor:)`.
    public func publish(_ message: OutgoingMessage, retryFor: Duration = .seconds(120)) async throws {
        try await publish([message], retryFor: retryFor)
    }

    /// One attempt: connect if needed, send the batch, wait for all confirms.
    public func publishOnce(_ messages: [OutgoingMessage]) async throws(AMQPError) {
        let result: Result<Void, AMQPError> = await withCheckedContinuation { continuation in
            queue.async { [self] in
                continuation.resume(returning: Result { () throws(AMQPError) in try sendAndConfirm(messages) })
            }
        }
        try result.get()
        published.increment(by: Int64(messages.count))
    }

    /// Closes the connection; later publishes fail with `.closed`.
    public func close() async {
        isClosed.store(true, ordering: .relaxed)
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            queue.async { [box] in
                box.connection?.close()
                box.connection = nil
                continuation.resume()
            }
        }
    }

    /// True when a connection is open or can be opened now (for `/ready`).
    public func isReachable() async -> Bool {
        await withCheckedContinuation { continuation in
            queue.async { [self] in
                continuation.resume(returning: (try? connected()) != nil)
            }
        }
    }

    private func connected() throws(AMQPError) -> AMQPConnection {
        if isClosed.load(ordering: .relaxed) { throw .closed }
        if let connection = box.connection { return connection }
        let connection = try AMQPConnection(url: url, name: name)
        try topology?.declare(on: connection)
        try connection.enableConfirms()
        box.connection = connection
        logger.debug("publisher connected", metadata: ["broker": "\(url)"])
        return connection
    }

    private func sendAndConfirm(_ messages: [OutgoingMessage]) throws(AMQPError) {
        do {
            let connection = try connected()
            var first: UInt64 = 0
            var last: UInt64 = 0
            for message in messages {
                last = try connection.publish(message)
                if first == 0 { first = last }
            }
            try connection.waitForConfirms(from: first, through: last)
        } catch {
            if case .nacked = error {
            } else {
                if box.connection != nil { reconnects.increment() }
                box.connection?.close()
                box.connection = nil
            }
            throw error
        }
    }
}
