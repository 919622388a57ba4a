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

    /// The context of `delivery`. A replay (`x-wmo-replay`) or a return from the retry queue
    /// (`x-wmo-retry-count`) arrives through the default exchange, which only the services and
    /// the operators may write to: then the original sender recorded in the `x-wmo-original-*`
    /// headers counts. Anything else is judged on what the broker says about this delivery.
    init(_ delivery: Delivery) {
        let headers = delivery.properties.headers
        if delivery.exchange.isEmpty, headers[Topology.replayHeader] != nil || headers[Topology.retryCountHeader] != nil,
            let exchange = headers[Topology.originalExchangeHeader]?.stringValue
        {
            self.init(
                userId: headers[Topology.originalUserHeader]?.stringValue,
                exchange: exchange,
                routingKey: headers[Topology.originalRoutingKeyHeader]?.stringValue ?? ""
            )
        } else {
            self.init(userId: delivery.properties.userId, exchange: delivery.exchange, routingKey: delivery.routingKey)
        }
    }

    /// The `x-wmo-original-*` headers that keep this context on a copy.
    var originHeaders: [String: String] {
        var headers = [Topology.originalExchangeHeader: exchange, Topology.originalRoutingKeyHeader: routingKey]
        if let userId { headers[Topology.originalUserHeader] = userId }
        return headers
    }

    /// True when an organisation sent it: through the partner exchange, with a `user_id`.
    public var isFromOrganisation: Bool { exchange == Topology.partnerExchange && !(userId ?? "").isEmpty }
}
