public import Foundation

/// The AMQP basic properties the kit sets and reads (SPEC §8 puts the envelope's ids here too,
/// so partners can route and trace without parsing the body).
public struct MessageProperties: Sendable, Equatable {
    public var contentType: String? = "application/json"
    /// Persistent (delivery mode 2) unless a test says otherwise.
    public var persistent = true
    public var messageId: String?
    public var type: String?
    public var correlationId: String?
    public var timestamp: Date?
    /// The producing service (`app_id`).
    public var appId: String?
    /// The authenticated broker user; RabbitMQ checks it equals the connection's user.
    public var userId: String?
    /// Per-message TTL in milliseconds, as text (used for delayed retry).
    public var expiration: String?
    public var headers: [String: FieldValue] = [:]

    public init(
        messageId: String? = nil,
        type: String? = nil,
        correlationId: String? = nil,
        timestamp: Date? = nil,
        appId: String? = nil,
        headers: [String: FieldValue] = [:]
    ) {
        self.messageId = messageId
        self.type = type
        self.correlationId = correlationId
        self.timestamp = timestamp
        self.appId = appId
        self.headers = headers
    }
}

/// A message to publish.
public struct OutgoingMessage: Sendable, Equatable {
    public var exchange: String
    public var routingKey: String
    public var body: Data
    public var properties: MessageProperties

    public init(exchange: String, routingKey: String, body: Data, properties: MessageProperties = .init()) {
        self.exchange = exchange
        self.routingKey = routingKey
        self.body = body
        self.properties = properties
    }
}

/// A message received from a queue; settle it through the consumer that delivered it.
public struct Delivery: Sendable {
    public let body: Data
    public let properties: MessageProperties
    public let exchange: String
    public let routingKey: String
    public let deliveryTag: UInt64
    public let redelivered: Bool
    /// Which connection delivered it; acks for an older connection are dropped (the broker
    /// redelivers those messages, and the inbox makes that harmless).
    public let generation: Int
}
