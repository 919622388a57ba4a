public import Contracts
import Foundation
import Messaging
public import Storage

/// The handlers of one consumer, one per message type. Decoding and validation happen
/// before the transaction; `apply` runs inside it.
public struct MessageHandlers: Sendable {
    /// A decoded, valid message ready to apply.
    struct Prepared: Sendable {
        let header: EnvelopeHeader
        let apply: @Sendable (Transaction) throws -> Void
    }

    struct Entry: Sendable {
        let major: Int
        let prepare: @Sendable (Data, EnvelopeHeader, DeliveryContext) throws -> Prepared
    }

    private(set) var entries: [String: Entry] = [:]

    /// Runs in the transaction that dead-letters a message (see `onDeadLetter`).
    private(set) var deadLetterRecorder: (@Sendable (DeadLetteredMessage, Transaction) throws -> Void)?

    public init() {}

    /// Lets the service record what it dead-letters (the referral index audits every refusal),
    /// in the transaction that dead-letters it: the record exists exactly when the dead letter does.
    public mutating func onDeadLetter(_ record: @escaping @Sendable (DeadLetteredMessage, Transaction) throws -> Void) {
        deadLetterRecorder = record
    }

    /// Registers the handler for `type`; it runs in the transaction that also records the
    /// message in the inbox, so its effect happens exactly once.
    public mutating func on<M: MessageContract>(
        _ type: M.Type,
        _ handle: @escaping @Sendable (M, EnvelopeHeader, Transaction) throws -> Void
    ) {
        on(type) { message, header, _, transaction in try handle(message, header, transaction) }
    }

    /// Registers the handler for `type` that also sees the broker's word on the sender
    /// (`DeliveryContext`): the handler of any message an organisation sends.
    public mutating func on<M: MessageContract>(
        _ type: M.Type,
        _ handle: @escaping @Sendable (M, EnvelopeHeader, DeliveryContext, Transaction) throws -> Void
    ) {
        entries[M.messageType] = Entry(major: M.schemaVersion.major) { body, header, context in
            // The header is decoded already (`prepare`): only the payload now.
            let envelope: PayloadOnly<M>
            do {
                envelope = try ContractJSON.decoder().decode(PayloadOnly<M>.self, from: body)
            } catch {
                throw DeadLetterReason.invalidPayload(type: M.messageType, detail: DecodingDetail.describe(error))
            }
            do throws(ContractViolation) {
                try envelope.payload.validate()
            } catch {
                throw DeadLetterReason.validationFailed(type: M.messageType, detail: error.description)
            }
            let payload = envelope.payload
            return Prepared(header: header) { transaction in try handle(payload, header, context, transaction) }
        }
    }

    /// The message types handled here (for the topology's bindings).
    public var messageTypes: [String] { entries.keys.sorted() }

    /// Decodes and validates a delivery's body, or says why it goes to the dead-letter queue.
    func prepare(
        _ body: Data,
        context: DeliveryContext = DeliveryContext(userId: nil, exchange: "", routingKey: "")
    )
        throws(DeadLetterReason) -> Prepared
    {
        let header: EnvelopeHeader
        do {
            header = try ContractJSON.decoder().decode(EnvelopeHeader.self, from: body)
        } catch {
            throw .malformed(DecodingDetail.describe(error))
        }
        // Through the organisations' exchange only organisation messages, each under the
        // sender's own key: `<kind>.<user_id>.<rest of the type>` for a type `<kind>.<rest>`
        // (a partner must not smuggle in, say, an `indication.decided`).
        if context.exchange == Topology.partnerExchange {
            let parts = header.type.split(separator: ".", maxSplits: 1).map(String.init)
            guard let sender = context.userId, !sender.isEmpty, parts.count == 2,
                context.routingKey == "\(parts[0]).\(sender).\(parts[1])"
            else {
                throw .wrongSender(
                    "type '\(header.type)' with routing key '\(context.routingKey)' from '\(context.userId ?? "no user_id")': "
                        + "an organisation sends only its own messages, under <kind>.<its login>.…"
                )
            }
        }
        guard let entry = entries[header.type] else { throw .unknownType(header.type) }
        guard header.version.major == entry.major else {
            throw .unsupportedVersion(type: header.type, version: header.version, supportedMajor: entry.major)
        }
        do {
            return try entry.prepare(body, header, context)
        } catch let reason as DeadLetterReason {
            throw reason
        } catch {
            throw .malformed("\(error)")
        }
    }
}

/// The payload of an envelope whose header was decoded before: decoding the whole envelope
/// again cost a consumer as much as the payload itself.
private struct PayloadOnly<M: MessageContract>: Decodable {
    let payload: M
}
