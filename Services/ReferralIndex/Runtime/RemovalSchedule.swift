import Foundation
public import Logging
public import ServiceLifecycle

/// Runs the scheduled removal (`ReferralIndexService.runRemoval`) at start and every interval,
/// with a log line of what it did; a failed run is retried at the next interval.
public struct RemovalSchedule: Service {
    let service: ReferralIndexService
    let logger: Logger
    let interval: Duration

    public init(service: ReferralIndexService, logger: Logger, interval: Duration) {
        self.service = service
        self.logger = logger
        self.interval = interval
    }

    public func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                let run = try await service.runRemoval()
                if run.removed + run.deleted + run.auditEntriesDeleted > 0 {
                    logger.info(
                        "scheduled removal",
                        metadata: [
                            "removed": "\(run.removed)", "deleted": "\(run.deleted)", "auditEntriesDeleted": "\(run.auditEntriesDeleted)",
                        ]
                    )
                }
            } catch {
                logger.error("scheduled removal failed; next try at the next interval", metadata: ["error": "\(error)"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: self.interval) }
        }
    }
}
