public import Contracts
import Foundation
public import Logging
public import Messaging

/// Declares partners' queues on the broker: at start-up for every partner on the social map,
/// and when a partner is added, so a request passed on is never unroutable.
///
/// Declaring is idempotent; each call opens a short-lived connection on its own queue because
/// the AMQP client blocks.
public struct PartnerQueues: Sendable {
    private let url: AMQPURL
    private let logger: Logger
    private let queue = DispatchQueue(label: "wmo.frontdesk.partner-queues")

    /// Declares on the broker at `url`.
    public init(url: AMQPURL, logger: Logger) {
        self.url = url
        self.logger = logger
    }

    /// Declares the queue of each partner in `partners`.
    public func declare(_ partners: [OrganisationKey]) async throws {
        guard !partners.isEmpty else { return }
        let topology = FrontDeskTopology.partnerTopology(partners)
        let url = url
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            queue.async {
                continuation.resume(
                    with: Result {
                        let connection = try AMQPConnection(url: url, name: "front-desk-partner-queues")
                        defer { connection.close() }
                        try topology.declare(on: connection)
                    }
                )
            }
        }
        logger.info("partner queues declared", metadata: ["partners": "\(partners.map(\.description))"])
    }
}
