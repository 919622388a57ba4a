public import Logging
public import ServiceLifecycle

/// A service's scheduled job (the referral index's removal, indication's receipt watch,
/// matching's sweep): runs `work` at start and then every `interval` until shutdown. A failed run
/// is logged and retried at the next interval; it never stops the service.
public struct ScheduledJob: Service {
    let name: String
    let interval: Duration
    let logger: Logger
    let work: @Sendable () async throws -> Void

    /// - Parameters:
    ///   - name: what the log line of a failed run calls the job (`scheduled removal`).
    ///   - work: one run; it logs what it did itself.
    public init(_ name: String, every interval: Duration, logger: Logger, work: @escaping @Sendable () async throws -> Void) {
        self.name = name
        self.interval = interval
        self.logger = logger
        self.work = work
    }

    public func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                try await work()
            } catch {
                logger.error("\(name) failed; next try at the next interval", metadata: ["error": "\(error)"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: self.interval) }
        }
    }
}
