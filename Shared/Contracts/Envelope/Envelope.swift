public import Foundation

/// The fields every message carries (SPEC §8), without the payload. Consumers decode this
/// first to learn the type and version, then the payload of that type.
public struct EnvelopeHeader: Codable, Sendable, Equatable {
    public var messageId: UUID
    public var type: String
    public var version: SchemaVersion
    public var timestamp: Date
    /// The request's id across the whole chain.
    public var correlationId: UUID
    /// The message that caused this one, if any.
    public var causationId: UUID?
    public var municipality: MunicipalityCode
    /// The producing service or partner organisation.
    public var producer: String

    public init(
        messageId: UUID = UUID(),
        type: String,
        version: SchemaVersion,
        timestamp: Date = Date(),
        correlationId: UUID,
        causationId: UUID? = nil,
        municipality: MunicipalityCode,
        producer: String
    ) {
        self.messageId = messageId
        self.type = type
        self.version = version
        self.timestamp = timestamp
        self.correlationId = correlationId
        self.causationId = causationId
        self.municipality = municipality
        self.producer = producer
    }
}

/// A message on the wire: the header fields plus the typed payload, as one JSON object
/// `{"messageId":…,"type":…,"version":"1.0",…,"payload":{…}}`.
public struct Envelope<Payload: MessageContract>: Codable, Sendable {
    public var header: EnvelopeHeader
    public var payload: Payload

    public init(
        _ payload: Payload,
        correlationId: UUID,
        causationId: UUID? = nil,
        municipality: MunicipalityCode,
        producer: String,
        messageId: UUID = UUID(),
        timestamp: Date = Date()
    ) {
        header = EnvelopeHeader(
            messageId: messageId,
            type: Payload.messageType,
            version: Payload.schemaVersion,
            timestamp: timestamp,
            correlationId: correlationId,
            causationId: causationId,
            municipality: municipality,
            producer: producer
        )
        self.payload = payload
    }

    private enum CodingKeys: String, CodingKey { case payload }

    public init(from decoder: any Decoder) throws {
        header = try EnvelopeHeader(from: decoder)
        payload = try decoder.container(keyedBy: CodingKeys.self).decode(Payload.self, forKey: .payload)
    }

    public func encode(to encoder: any Encoder) throws {
        try header.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(payload, forKey: .payload)
    }
}

/// The one JSON style of the contract: ISO 8601 dates, sorted keys (stable for tests and diffs).
public enum ContractJSON {
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            if let date = parseDate(text) { return date }
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not an ISO 8601 date-time"))
        }
        return decoder
    }

    /// ISO 8601 with or without fractional seconds (pika and other partners send either).
    public static func parseDate(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
