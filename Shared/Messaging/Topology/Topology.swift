/// Everything a service needs to exist on the broker, described once and declared at every
/// (re)connect: exchanges, durable queues with their bindings, and for every queue its
/// dead-letter queue `<queue>.dlq` and its delayed-retry queue `<queue>.retry`.
///
/// Declarations are idempotent, so every service declares what it uses and the order in
/// which services start does not matter.
public struct Topology: Sendable {
    /// The topic exchange for domain events (SPEC §8).
    public static let eventsExchange = "wmo.events"
    /// Direct exchange that routes a dead-lettered message to `<queue>.dlq` by queue name.
    public static let deadLetterExchange = "wmo.dlx"
    /// Header that carries why a message was dead-lettered.
    public static let deadLetterReasonHeader = "x-wmo-dead-letter-reason"
    /// Header with the queue the message was dead-lettered from.
    public static let deadLetterQueueHeader = "x-wmo-dead-letter-queue"
    /// Header that counts delayed retries.
    public static let retryCountHeader = "x-wmo-retry-count"

    public var exchanges: [Exchange]
    public var queues: [Queue]

    public init(exchanges: [Exchange] = [], queues: [Queue] = []) {
        self.exchanges = exchanges
        self.queues = queues
    }

    /// The exchanges every service shares.
    public static let standardExchanges: [Exchange] = [
        Exchange(name: eventsExchange, type: .topic),
        Exchange(name: deadLetterExchange, type: .direct),
    ]

    /// A topology with the standard exchanges plus `queues`.
    public static func standard(queues: [Queue], extraExchanges: [Exchange] = []) -> Topology {
        Topology(exchanges: standardExchanges + extraExchanges, queues: queues)
    }

    /// Declares all of it on `connection`.
    public func declare(on connection: AMQPConnection) throws(AMQPError) {
        for exchange in exchanges {
            try connection.declareExchange(exchange.name, type: exchange.type.rawValue)
        }
        for queue in queues {
            try queue.declare(on: connection)
        }
    }

    /// An exchange.
    public struct Exchange: Sendable, Hashable {
        public enum Kind: String, Sendable { case topic, direct, fanout, headers }
        public var name: String
        public var type: Kind

        public init(name: String, type: Kind) {
            self.name = name
            self.type = type
        }
    }

    /// A durable queue that a service consumes, with its bindings and failure queues.
    public struct Queue: Sendable, Hashable {
        public enum Kind: String, Sendable { case classic, quorum }
        public struct Binding: Sendable, Hashable {
            public var exchange: String
            public var routingKey: String
            public init(exchange: String = Topology.eventsExchange, routingKey: String) {
                self.exchange = exchange
                self.routingKey = routingKey
            }
        }

        public var name: String
        public var bindings: [Binding]
        public var kind: Kind
        /// How long a message waits in `<name>.retry` before it returns to the queue.
        public var retryDelayMilliseconds: Int64

        public init(name: String, bindings: [Binding] = [], kind: Kind = .classic, retryDelayMilliseconds: Int64 = 5_000) {
            self.name = name
            self.bindings = bindings
            self.kind = kind
            self.retryDelayMilliseconds = retryDelayMilliseconds
        }

        /// Name of the dead-letter queue.
        public var deadLetterQueue: String { name + ".dlq" }
        /// Name of the delayed-retry queue.
        public var retryQueue: String { name + ".retry" }

        func declare(on connection: AMQPConnection) throws(AMQPError) {
            var arguments: [String: FieldValue] = [
                "x-dead-letter-exchange": .string(Topology.deadLetterExchange),
                "x-dead-letter-routing-key": .string(name),
            ]
            var plain: [String: FieldValue] = [:]
            if kind == .quorum {
                arguments["x-queue-type"] = "quorum"
                plain["x-queue-type"] = "quorum"
            }
            try connection.declareQueue(name, arguments: arguments)
            try connection.declareQueue(deadLetterQueue, arguments: plain)
            try connection.bindQueue(deadLetterQueue, exchange: Topology.deadLetterExchange, routingKey: name)
            var retry = plain
            retry["x-dead-letter-exchange"] = ""
            retry["x-dead-letter-routing-key"] = .string(name)
            retry["x-message-ttl"] = .int(retryDelayMilliseconds)
            try connection.declareQueue(retryQueue, arguments: retry)
            for binding in bindings {
                try connection.bindQueue(name, exchange: binding.exchange, routingKey: binding.routingKey)
            }
        }
    }
}
