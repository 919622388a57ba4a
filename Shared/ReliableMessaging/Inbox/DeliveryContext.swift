import Messaging

/// What the broker, not the body, says about a delivery: who sent it and through which
/// exchange. RabbitMQ refuses a publish whose `user_id` is not the sender's login, so `userId`
/// is proof of the sender; handlers decide on it, never on an id in the payload.
public struct DeliveryContext: Sendable, Equatable {
    /// The broker-validated `user_id`; `nil` when the sender set none.
    public let userId: String?
    /// The exchange the message was published to (`wmo.partners` for organisations).
    public let exchange: String
    /// The routing key it was published with.
    public let routingKey: String

    public init(userId: String?, exchange: String, routingKey: String) {
        self.userId = userId
        self.exchange = exchange
        self.routingKey = routingKey
    }

    init(_ delivery: Delivery) {
        self.init(userId: delivery.properties.userId, exchange: delivery.exchange, routingKey: delivery.routingKey)
    }

    /// True when an organisation sent it: through the partner exchange, with a `user_id`.
    public var isFromOrganisation: Bool { exchange == Topology.partnerExchange && !(userId ?? "").isEmpty }
}
