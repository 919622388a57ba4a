public import Contracts
public import Foundation
public import Messaging
public import ReliableMessaging
public import Storage

/// `kit.probe.recorded`: a test message for the kit's own tests and benchmark.
public struct ProbeRecorded: MessageContract, Equatable {
    public static let messageType = "kit.probe.recorded"
    public static let schemaVersion = SchemaVersion(1, 0)
    public var sequence: Int
    public var note: String

    public init(sequence: Int, note: String) {
        self.sequence = sequence
        self.note = note
    }

    public func validate() throws(ContractViolation) {
        guard sequence >= 0 else { throw ContractViolation(field: "sequence", problem: "must not be negative") }
    }
}

/// A consumer whose effect is one row in `probe_effects` per message and one event in the
/// outbox: enough to see loss (missing rows) and double application (repeated rows).
public enum Probe {
    public static let migrations: [Migration] = [
        Migration(
            "probe-0001-effects",
            """
            CREATE TABLE probe_effects (
                id bigserial PRIMARY KEY,
                message_id text NOT NULL,
                sequence int NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            );
            """
        )
    ]

    /// Handlers that record the effect and emit `kit.probe.recorded` with `emitTo` as routing key;
    /// with `exitOnSequence` the process exits when that message is applied (a crashing bug).
    public static func handlers(emitTo routingKey: String?, exitOnSequence: Int? = nil) -> MessageHandlers {
        var handlers = MessageHandlers()
        handlers.on(ProbeRecorded.self) { message, header, transaction in
            if message.sequence == exitOnSequence { exit(3) }
            // A plain write nothing reads back: queued, it travels with the batch's other queued
            // writes in one round trip after the last handler.
            transaction.executeLater(
                "INSERT INTO probe_effects (message_id, sequence) VALUES (\(header.messageId), \(message.sequence))"
            )
            if let routingKey {
                let event = Envelope(
                    ProbeRecorded(sequence: message.sequence, note: "echo"),
                    correlationId: header.correlationId,
                    causationId: header.messageId,
                    municipality: header.municipality,
                    producer: "kit-probe"
                )
                try Outbox.enqueue(event, exchange: Topology.eventsExchange, routingKey: routingKey, in: transaction)
            }
        }
        return handlers
    }

    /// The wire form of probe message `sequence`.
    public static func message(
        sequence: Int,
        routingKey: String,
        messageId: UUID = UUID(),
        padding: Int = 0
    ) throws
        -> OutgoingMessage
    {
        let envelope = Envelope(
            ProbeRecorded(sequence: sequence, note: String(repeating: "x", count: padding)),
            correlationId: UUID(),
            municipality: .arnhem,
            producer: "kit-test",
            messageId: messageId
        )
        return OutgoingMessage(
            exchange: Topology.eventsExchange,
            routingKey: routingKey,
            body: try ContractJSON.encoder().encode(envelope),
            properties: MessageProperties(
                messageId: messageId.uuidString.lowercased(),
                type: ProbeRecorded.messageType,
                correlationId: envelope.header.correlationId.uuidString.lowercased(),
                timestamp: Date(),
                appId: "kit-test"
            )
        )
    }
}
