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
        var keepAlive: (any DispatchSourceTimer)?  // set once in init, cancelled in deinit
    }

    private let url: AMQPURL
    private let name: String
    private let topology: Topology?
    private let logger: Logger
    private let queue: DispatchQueue
    private let box = ConnectionBox()
    private let isClosed = Atomic<Bool>(false)
    private let opened = Atomic<Int>(0)
    private let heartbeatSeconds: Int32
    private let published: Counter
    private let reconnects: Counter

    /// - Parameters:
    ///   - name: connection name shown in the broker's management UI.
    ///   - topology: declared on every (re)connect, so publishing never races the consumers' setup.
    ///   - heartbeatSeconds: the heartbeat asked of the broker; the idle connection is serviced
    ///     three times per interval.
    public init(url: AMQPURL, name: String, topology: Topology? = nil, heartbeatSeconds: Int32 = 30, logger: Logger) {
        self.url = url
        self.heartbeatSeconds = max(1, heartbeatSeconds)
        self.name = name
        self.topology = topology
        self.logger = logger
        queue = DispatchQueue(label: "wmo.amqp.publisher.\(name)")
        published = Counter(label: "wmo_messages_published_total", dimensions: [("connection", name)])
        reconnects = Counter(label: "wmo_amqp_reconnects_total", dimensions: [("connection", name)])
        // Between publishes nothing reads the socket, so the broker's heartbeats would go
        // unanswered and it would close an idle publisher: service them 3 times per interval.
        let interval = Double(max(1, heartbeatSeconds)) / 3
        let keepAliveTimer = DispatchSource.makeTimerSource(queue: queue)
        keepAliveTimer.schedule(deadline: .now() + interval, repeating: interval, leeway: .milliseconds(100))
        keepAliveTimer.setEventHandler { [box, logger] in
            guard let connection = box.connection else { return }
            do {
                try connection.keepAlive()
            } catch {
                logger.info("idle publisher connection lost; reconnecting at the next publish", metadata: ["error": "\(error)"])
                connection.close()
                box.connection = nil
            }
        }
        keepAliveTimer.resume()
        box.keepAlive = keepAliveTimer
    }

    deinit { box.keepAlive?.cancel() }

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

    /// True when the connection is alive (checked on the socket, not assumed) or a new one
    /// can be opened now (for `/ready`).
    public func isReachable() async -> Bool {
        await withCheckedContinuation { continuation in
            queue.async { [self] in
                if let connection = box.connection {
                    do {
                        try connection.keepAlive()
                    } catch {
                        connection.close()
                        box.connection = nil
                    }
                }
                continuation.resume(returning: (try? connected()) != nil)
            }
        }
    }

    /// How many connections this publisher opened so far (1 while nothing broke).
    public var connectionsOpened: Int { opened.load(ordering: .relaxed) }

    /// The ready messages in `queue` over the publisher's connection (passive declare), or
    /// `nil` when the broker cannot be asked now.
    public func messageCount(_ queueName: String) async -> Int? {
        await withCheckedContinuation { continuation in
            queue.async { [self] in
                do {
                    continuation.resume(returning: try connected().messageCount(queueName))
                } catch {
                    box.connection?.close()
                    box.connection = nil  // a refused passive declare closes the channel
                    continuation.resume(returning: nil)
                }
            }
        }
    }

    private func connected() throws(AMQPError) -> AMQPConnection {
        if isClosed.load(ordering: .relaxed) { throw .closed }
        if let connection = box.connection { return connection }
        let connection = try AMQPConnection(url: url, name: name, heartbeatSeconds: heartbeatSeconds)
        opened.add(1, ordering: .relaxed)
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
            for var message in messages {
                // Every message carries the login as user_id: RabbitMQ checks it, so a receiver
                // can trust who sent it.
                if message.properties.userId == nil { message.properties.userId = url.user }
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
