import Foundation
public import Logging
import Synchronization

/// A fixed-size pool of libpq connections, each with its own serial dispatch queue so that
/// blocking libpq calls never run on the Swift cooperative pool.
///
/// Connections open lazily and reopen after a failure, so a pool outlives a database restart:
/// the first statement after the outage fails with a transient error, the next one reconnects.
public final class ConnectionPool: Sendable {
    private final class Slot: @unchecked Sendable {
        let queue: DispatchQueue
        var connection: PostgresConnection?  // touched only on `queue`
        init(label: String) { queue = DispatchQueue(label: label) }
    }

    private struct State {
        var idle: [Slot]
        var waiters: [CheckedContinuation<Slot, Never>] = []
    }

    private let state: Mutex<State>
    /// libpq connection string or URL.
    public let conninfo: String
    /// The schema unqualified names resolve in, e.g. the service's own schema.
    public let searchPath: String?
    private let logger: Logger

    public init(conninfo: String, searchPath: String? = nil, size: Int = 4, logger: Logger) {
        precondition(size > 0)
        self.conninfo = conninfo
        self.searchPath = searchPath
        self.logger = logger
        let slots = (0..<size).map { Slot(label: "wmo.postgres.\(searchPath ?? "default").\($0)") }
        state = Mutex(State(idle: slots))
    }

    /// Runs `body` with a connection on that connection's own thread.
    public func withConnection<T: Sendable>(
        _ body: @escaping @Sendable (PostgresConnection) throws -> T
    ) async throws -> T {
        let slot = await acquire()
        defer { release(slot) }
        let conninfo = conninfo
        let searchPath = searchPath
        return try await withCheckedThrowingContinuation { continuation in
            slot.queue.async {
                do {
                    if slot.connection?.isConnected != true {
                        slot.connection = nil
                        slot.connection = try PostgresConnection(conninfo: conninfo, searchPath: searchPath)
                    }
                    continuation.resume(returning: try body(slot.connection!))
                } catch {
                    if let storage = error as? StorageError, case .connectionFailed = storage {
                        slot.connection = nil
                    }
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    /// Runs `body` in a transaction: COMMIT when it returns, ROLLBACK when it throws.
    public func withTransaction<T: Sendable>(
        _ body: @escaping @Sendable (Transaction) throws -> T
    ) async throws -> T {
        try await withConnection { connection in
            // BEGIN travels with the first statement and COMMIT with the queued rows.
            let transaction = Transaction(connection: connection)
            do {
                let value = try body(transaction)
                try transaction.commit()
                return value
            } catch {
                transaction.rollback()
                throw error
            }
        }
    }

    /// True when a trivial statement succeeds now (for `/ready`).
    public func isReachable() async -> Bool {
        (try? await withConnection { try $0.query("SELECT 1") }) != nil
    }

    private func acquire() async -> Slot {
        if let slot = state.withLock({ $0.idle.popLast() }) { return slot }
        return await withCheckedContinuation { continuation in
            let slot: Slot? = state.withLock { state in
                if let slot = state.idle.popLast() { return slot }
                state.waiters.append(continuation)
                return nil
            }
            if let slot { continuation.resume(returning: slot) }
        }
    }

    private func release(_ slot: Slot) {
        let waiter: CheckedContinuation<Slot, Never>? = state.withLock { state in
            if state.waiters.isEmpty {
                state.idle.append(slot)
                return nil
            }
            return state.waiters.removeFirst()
        }
        waiter?.resume(returning: slot)
    }
}
