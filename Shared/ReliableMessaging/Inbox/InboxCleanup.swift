public import Logging
import Metrics
public import ServiceLifecycle
public import Storage

/// Deletes inbox records older than the retention period, in small batches, so the dedupe
/// table does not grow forever. The retention must outlive the longest redelivery window,
/// including delayed retries and a manual replay from a dead-letter queue (default 14 days).
public final class InboxCleanup: Service, Sendable {
    private let pool: ConnectionPool
    private let retentionSeconds: Double
    private let batchSize: Int
    private let interval: Duration
    private let logger: Logger
    private let removed = Counter(label: "wmo_inbox_cleaned_total")

    public convenience init(
        pool: ConnectionPool,
        retentionDays: Int = 14,
        batchSize: Int = 1_000,
        interval: Duration = .seconds(60),
        logger: Logger
    ) {
        self.init(pool: pool, retention: .seconds(86_400 * max(1, retentionDays)), batchSize: batchSize, interval: interval, logger: logger)
    }

    /// With a retention shorter than a day: for the soak benchmark, which must see the table
    /// stay flat within minutes.
    public init(pool: ConnectionPool, retention: Duration, batchSize: Int = 1_000, interval: Duration = .seconds(60), logger: Logger) {
        self.pool = pool
        self.retentionSeconds = Double(max(1, retention.components.seconds))
        self.batchSize = batchSize
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                let count = try await cleanOnce()
                if count > 0 { logger.info("inbox cleaned", metadata: ["removed": "\(count)", "retentionSeconds": "\(retentionSeconds)"]) }
            } catch {
                logger.warning("inbox cleanup failed, will try again", metadata: ["error": "\(error)"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: self.interval) }
        }
    }

    /// Deletes expired records batch by batch (short transactions, so it never holds the
    /// table for long); returns how many it removed.
    @discardableResult
    public func cleanOnce() async throws -> Int {
        var total = 0
        let seconds = retentionSeconds
        let limit = batchSize
        while true {
            let deleted = try await pool.withConnection { connection in
                try connection.query(
                    """
                    DELETE FROM inbox WHERE message_id IN (
                        SELECT message_id FROM inbox WHERE received_at < now() - make_interval(secs => \(seconds)) LIMIT \(limit))
                    """
                ).affectedRows
            }
            total += deleted
            if deleted < limit { break }
        }
        removed.increment(by: Int64(total))
        return total
    }
}
