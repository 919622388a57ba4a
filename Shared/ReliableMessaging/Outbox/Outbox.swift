public import Contracts
public import Foundation
public import Messaging
public import Storage

/// The transactional outbox: an event is written in the same transaction as the state change
/// that caused it, and the `OutboxRelay` publishes it afterwards with confirms.
public enum Outbox {
    /// Writes `envelope` to the outbox, to be published to `exchange` with `routingKey`
    /// (default: the message type on `wmo.events`).
    public static func enqueue<M: MessageContract>(
        _ envelope: Envelope<M>,
        exchange: String = Topology.eventsExchange,
        routingKey: String? = nil,
        in transaction: Transaction
    ) throws {
        let body = try ContractJSON.encoder().encode(envelope)
        let header = envelope.header
        var headers: [String: String] = [
            "x-schema-version": header.version.description,
            "x-municipality": header.municipality.rawValue,
            "x-producer": header.producer,
        ]
        if let causation = header.causationId { headers["x-causation-id"] = causation.uuidString.lowercased() }
        try enqueueRaw(
            exchange: exchange,
            routingKey: routingKey ?? M.messageType,
            messageId: header.messageId.uuidString.lowercased(),
            type: M.messageType,
            correlationId: header.correlationId.uuidString.lowercased(),
            headers: headers,
            body: body,
            in: transaction
        )
    }

    /// Writes an already-encoded message (dead letters and retries keep the original bytes).
    public static func enqueueRaw(
        exchange: String,
        routingKey: String,
        messageId: String,
        type: String,
        correlationId: String?,
        headers: [String: String],
        body: Data,
        in transaction: Transaction
    ) throws {
        // JSONEncoder, not JSONSerialization: on Linux the latter bridges through NSDictionary
        // and cost a quarter of a busy consumer's CPU.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let headerText = String(decoding: try encoder.encode(headers), as: UTF8.self)
        // Queued, not inserted: the transaction writes all its outbox rows in one statement
        // before it commits (seq still follows the order of enqueue).
        transaction.insertLater(
            into: "outbox",
            columns: ["id", "exchange", "routing_key", "message_id", "message_type", "correlation_id", "headers", "body"],
            values: [
                PostgresParameter(UUID()), .text(exchange), .text(routingKey), .text(messageId), .text(type),
                correlationId.map(PostgresParameter.text) ?? .null, .text(headerText), .binary(body),
            ]
        )
    }
}
