import Contracts
import Foundation
import Logging
import Messaging
import Synchronization

/// The provider's side, scripted: logged in as its own broker login, it answers every
/// `indication.allocation.issued` on its queue with `provider.allocation.acknowledged` for the
/// allocations it has not seen, and reports `provider.care.started` on their first day; the
/// `indication.receipt` of each start is when the chain is done for that allocation.
final class ScriptedProvider: Sendable {
    let login: OrganisationKey
    private let consumer: Consumer
    private let publisher: Publisher
    private let seen = Mutex<Set<UUID>>([])
    private let started = Mutex<[UUID: ContinuousClock.Instant]>([:])

    init(login: OrganisationKey, url: AMQPURL, logger: Logger) {
        self.login = login
        consumer = Consumer(url: url, queue: "provider.\(login)", prefetch: 500, logger: logger)
        publisher = Publisher(url: url, name: "indication-bench-provider", logger: logger)
    }

    /// Answers until the consumer shuts down.
    func run() async {
        consumer.start()
        let decoder = ContractJSON.decoder()
        while let batch = await consumer.nextBatch(max: 200) {
            for delivery in batch {
                if let issued = try? decoder.decode(Envelope<AllocationIssued>.self, from: delivery.body) {
                    let new = seen.withLock { seen in issued.payload.allocations.filter { seen.insert($0.allocationId).inserted } }
                    guard !new.isEmpty else { continue }
                    try? await send(AllocationAcknowledged(allocationIds: new.map(\.allocationId)), about: issued.header)
                    for allocation in new {
                        try? await send(CareStarted(allocationId: allocation.allocationId, startDate: allocation.validFrom), about: issued.header)
                    }
                } else if let receipt = try? decoder.decode(Envelope<ProviderMessageReceipt>.self, from: delivery.body),
                    receipt.payload.receivedType == CareStarted.messageType, receipt.payload.accepted, let id = receipt.payload.allocationId
                {
                    let now = ContinuousClock.now
                    started.withLock { $0[id] = now }
                }
            }
            let last = batch[batch.count - 1]
            consumer.settle([.ack(tag: last.deliveryTag, multiple: true, generation: last.generation)])
        }
    }

    func shutdown() async {
        await consumer.shutdown()
        await publisher.close()
    }

    /// When the start of allocation `id` was accepted, once it was.
    func startAccepted(_ id: UUID) -> ContinuousClock.Instant? { started.withLock { $0[id] } }

    private func send<M: MessageContract>(_ payload: M, about header: EnvelopeHeader) async throws {
        let envelope = Envelope(
            payload,
            correlationId: header.correlationId,
            causationId: header.messageId,
            municipality: login.municipality,
            producer: "\(login)"
        )
        let kind = "provider."
        try await publisher.publish(
            OutgoingMessage(
                exchange: Topology.partnerExchange,
                routingKey: "provider.\(login).\(M.messageType.dropFirst(kind.count))",
                body: try ContractJSON.encoder().encode(envelope),
                properties: MessageProperties(messageId: envelope.header.messageId.uuidString.lowercased(), type: M.messageType)
            )
        )
    }
}
