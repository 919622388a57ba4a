import Contracts
import Foundation
import Messaging
import Storage

/// Tells an organisation that one of its messages was dead-lettered (`MessageRejected` to its
/// own queue), in the transaction that dead-letters it: a notice is sent exactly when the dead
/// letter is. Only for messages an organisation sent (through `wmo.partners`, with a
/// `user_id`); organisation logins are `<municipality>-<id>`, which gives the envelope's
/// municipality.
enum RejectionNotice {
    /// Routing key of the notices for `organisation` (its queue binds it).
    static func routingKey(for organisation: String) -> String { "\(MessageRejected.messageType).\(organisation)" }

    static func enqueue(
        for delivery: Delivery,
        reason: DeadLetterReason,
        queue: String,
        producer: String,
        in transaction: Transaction
    ) throws {
        let context = DeliveryContext(delivery)
        guard context.isFromOrganisation, let organisation = context.userId,
            let municipality = MunicipalityCode(String(organisation.prefix(4)))
        else { return }
        let notice = MessageRejected(
            rejectedMessageId: delivery.properties.messageId ?? "",
            rejectedType: delivery.properties.type,
            reason: reason.description,
            queue: queue
        )
        let correlation = delivery.properties.correlationId.flatMap(UUID.init(uuidString:)) ?? UUID()
        let envelope = Envelope(notice, correlationId: correlation, municipality: municipality, producer: producer)
        try Outbox.enqueue(envelope, routingKey: routingKey(for: organisation), in: transaction)
    }
}
