import Foundation
public import Logging
import Metrics
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Consumes one queue with manual acknowledgements and a prefetch limit, on a dedicated
/// thread that owns the connection (librabbitmq blocks and is not thread-safe).
///
/// The thread waits on the socket and on a wake-up pipe with `poll`, so acknowledgements
/// queued by async code go out at once instead of after a receive timeout. A broken
/// connection is reopened with backoff; deliveries of the old connection are dropped (the
/// broker redelivers them).
///
/// Every connection starts cautiously, with a prefetch of 1, and switches to the full
/// prefetch at the first delivery that is not a redelivery. After a crash the redelivered
/// messages therefore come one at a time: a message that crashes the process is the only one
/// in flight when it does, so only its delivery count grows and the broker's delivery limit
/// dead-letters it alone, not the innocent messages prefetched with it.
public final class Consumer: Sendable {
    private struct Shared {
        var settlements: [Settlement] = []
        var stopRequested = false
        var stopped = false
        var stopWaiters: [CheckedContinuation<Void, Never>] = []
        var generation = 0
        var connected = false
    }

    public let queueName: String
    private let url: AMQPURL
    private let topology: Topology?
    private let prefetch: UInt16
    private let logger: Logger
    private let buffer = DeliveryBuffer()
    private let shared = Mutex(Shared())
    private let wakeRead: Int32
    private let wakeWrite: Int32
    private let received: Counter

    public init(url: AMQPURL, queue: String, prefetch: UInt16 = 100, topology: Topology? = nil, logger: Logger) {
        self.url = url
        self.queueName = queue
        self.topology = topology
        self.prefetch = prefetch
        self.logger = logger
        var fds: [Int32] = [0, 0]
        precondition(pipe(&fds) == 0, "cannot create wake-up pipe")
        _ = fcntl(fds[0], F_SETFL, O_NONBLOCK)
        _ = fcntl(fds[1], F_SETFL, O_NONBLOCK)
        wakeRead = fds[0]
        wakeWrite = fds[1]
        received = Counter(label: "wmo_messages_received_total", dimensions: [("queue", queue)])
    }

    deinit {
        Glibc.close(wakeRead)
        Glibc.close(wakeWrite)
    }

    /// Starts the consumer thread.
    public func start() {
        let thread = Thread { [self] in loop() }
        thread.name = "amqp-consumer-\(queueName)"
        thread.start()
    }

    /// The next deliveries, at most `max`, waiting for at least one; `nil` once stopping or
    /// when the task is cancelled.
    public func nextBatch(max: Int) async -> [Delivery]? {
        if Task.isCancelled { return nil }
        return await withTaskCancellationHandler {
            await buffer.next(max: max)
        } onCancel: {
            buffer.finish()
        }
    }

    /// Queues acks or requeues for the consumer thread and wakes it.
    public func settle(_ settlements: [Settlement]) {
        guard !settlements.isEmpty else { return }
        shared.withLock { $0.settlements.append(contentsOf: settlements) }
        wake()
    }

    /// Stops handing out deliveries; `nextBatch` returns `nil`. Acks still go out.
    public func stopDelivering() { buffer.finish() }

    /// Sends pending settlements, closes the connection (the broker requeues whatever was
    /// not acked) and waits for the thread to end.
    public func shutdown() async {
        buffer.finish()
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done = shared.withLock { state -> Bool in
                state.stopRequested = true
                if state.stopped { return true }
                state.stopWaiters.append(continuation)
                return false
            }
            if done { continuation.resume() }
            wake()
        }
    }

    /// True while the consumer holds an open connection (for `/ready`).
    public var isConnected: Bool { shared.withLock { $0.connected } }

    private func wake() {
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
    }

    private func drainWakePipe() {
        var scratch = [UInt8](repeating: 0, count: 64)
        while read(wakeRead, &scratch, 64) > 0 {}
    }

    // MARK: The thread

    private func loop() {
        var backoff = Backoff()
        var connection: AMQPConnection?
        var generation = 0
        var consumerTag = ""
        var cautious = false
        // At the first fresh delivery: consume again with the full prefetch.
        func accept(_ delivery: Delivery, on open: AMQPConnection) throws(AMQPError) {
            self.accept(delivery)
            guard cautious, !delivery.redelivered else { return }
            cautious = false
            try open.cancelConsuming(consumerTag)
            try open.setPrefetch(prefetch)
            consumerTag = try open.startConsuming(queueName)
        }
        while !shared.withLock({ $0.stopRequested }) {
            if connection == nil {
                do {
                    let opened = try AMQPConnection(url: url, name: "consumer-\(queueName)")
                    try topology?.declare(on: opened)
                    try opened.setPrefetch(1)
                    consumerTag = try opened.startConsuming(queueName)
                    cautious = prefetch > 1
                    generation += 1
                    let current = generation
                    shared.withLock {
                        $0.generation = current
                        $0.connected = true
                        $0.settlements.removeAll()
                    }
                    buffer.discard(before: current)
                    connection = opened
                    backoff.reset()
                    logger.info("consuming", metadata: ["queue": "\(queueName)", "broker": "\(url)"])
                } catch {
                    let wait = backoff.next()
                    logger.warning(
                        "consumer cannot connect, retrying",
                        metadata: [
                            "queue": "\(queueName)", "error": "\(error)", "retryIn": "\(wait)",
                        ]
                    )
                    sleepInterruptibly(wait)
                    continue
                }
            }
            guard let open = connection else { continue }
            do {
                try flushSettlements(on: open, generation: generation)
                if !open.hasBufferedData {
                    var fds = [
                        pollfd(fd: open.socketDescriptor, events: Int16(POLLIN), revents: 0),
                        pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0),
                    ]
                    _ = poll(&fds, 2, 200)
                    if fds[1].revents != 0 { drainWakePipe() }
                    if fds[0].revents == 0 {
                        // Idle: a zero-wait read lets the library answer heartbeats.
                        if let delivery = try open.nextDelivery(timeout: 0.000_1, generation: generation, queue: queueName) {
                            try accept(delivery, on: open)
                        }
                        continue
                    }
                }
                if let delivery = try open.nextDelivery(timeout: 0.01, generation: generation, queue: queueName) {
                    try accept(delivery, on: open)
                }
            } catch {
                logger.warning(
                    "consumer connection lost, reconnecting",
                    metadata: [
                        "queue": "\(queueName)", "error": "\(error)",
                    ]
                )
                shared.withLock { $0.connected = false }
                open.close()
                connection = nil
                sleepInterruptibly(backoff.next())
            }
        }
        if let connection {
            try? flushSettlements(on: connection, generation: generation)
            connection.close()
        }
        let waiters = shared.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.stopped = true
            state.connected = false
            defer { state.stopWaiters.removeAll() }
            return state.stopWaiters
        }
        for waiter in waiters { waiter.resume() }
    }

    private func accept(_ delivery: Delivery) {
        received.increment()
        buffer.push(delivery)
    }

    private func flushSettlements(on connection: AMQPConnection, generation: Int) throws(AMQPError) {
        let pending = shared.withLock { state -> [Settlement] in
            defer { state.settlements.removeAll(keepingCapacity: true) }
            return state.settlements
        }
        for settlement in pending {
            switch settlement {
            case .ack(let tag, let multiple, let from) where from == generation:
                try connection.ack(tag, multiple: multiple)
            case .requeue(let tag, let from) where from == generation:
                try connection.nack(tag, requeue: true)
            default:
                continue  // from a closed connection: the broker already requeued it
            }
        }
    }

    private func sleepInterruptibly(_ duration: Duration) {
        var fds = [pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
        let milliseconds = Int32(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
        _ = poll(&fds, 1, max(1, milliseconds))
        drainWakePipe()
    }
}
