import Foundation
public import Logging
public import ServiceLifecycle

/// Once a minute: escalate allocations whose provider receipt is overdue, with a log line per
/// allocation (provider, due day) for the assessors' team and operations.
public struct ReceiptWatch: Service {
    let service: IndicationService
    let logger: Logger
    let interval: Duration

    public init(service: IndicationService, logger: Logger, interval: Duration = .seconds(60)) {
        self.service = service
        self.logger = logger
        self.interval = interval
    }

    public func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                for allocation in try await service.escalateMissingReceipts() {
                    logger.warning(
                        "receipt of allocation overdue: escalated",
                        metadata: [
                            "allocation": "\(allocation.id)", "provider": "\(allocation.provider)",
                            "receiptDue": "\(allocation.receiptDue)",
                        ]
                    )
                }
            } catch {
                logger.error("receipt watch failed; next try in a minute", metadata: ["error": "\(error)"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: self.interval) }
        }
    }
}
