/// Everything a service needs to exist on the broker, described once and declared at every
/// (re)connect: exchanges, durable queues with their bindings, and for every queue its
/// dead-letter queue `<queue>.dlq` and its delayed-retry queue `<queue>.retry`.
///
/// Declarations are idempotent, so every service declares what it uses and the order in
/// which services start does not matter. A declaration carries only what makes a queue what
/// it is (its type and where it dead-letters to); everything an operator may tune later (the
/// delivery limit, the retry delay, the alternate exchange) comes from the broker's policies
/// (`compose/broker/definitions.json`), so changing them never makes a client's declaration
/// fail with PRECONDITION_FAILED.
public struct Topology: Sendable {
    /// The topic exchange for domain events (SPEC §8); only the services write to it.
    public static let eventsExchange = "wmo.events"
    /// The topic exchange organisations (partners, providers, signalling organisations,
    /// volunteer centres, assessors) publish to, each only under its own routing keys
    /// (`<kind>.<organisation>.…`, enforced by the broker's topic permissions).
    public static let partnerExchange = "wmo.partners"
    /// Direct exchange that routes a dead-lettered message to `<queue>.dlq` by queue name.
    public static let deadLetterExchange = "wmo.dlx"
    /// Header that carries why a message was dead-lettered.
    public static let deadLetterReasonHeader = "x-wmo-dead-letter-reason"
    /// Header with the queue the message was dead-lettered from.
    public static let deadLetterQueueHeader = "x-wmo-dead-letter-queue"
    /// Fanout exchange that collects what no queue would take (the alternate exchange of
    /// `wmo.events` and `wmo.dlx`, by policy): nothing published is silently dropped.
    public static let unroutableExchange = "wmo.unroutable"
    /// The queue behind `wmo.unroutable`; `/metrics` shows its depth.
    public static let unroutableQueue = "wmo.unroutable"
    /// Headers that keep where a dead-lettered or deferred message came from (its exchange,
    /// routing key and broker-validated `user_id`), so that a replay or a retry, which comes
    /// back through the default exchange, is judged on its original sender.
    public static let originalExchangeHeader = "x-wmo-original-exchange"
    public static let originalRoutingKeyHeader = "x-wmo-original-routing-key"
    public static let originalUserHeader = "x-wmo-original-user-id"
    /// Header that counts delayed retries.
    public static let retryCountHeader = "x-wmo-retry-count"
    /// Header set by `scripts/dlq.sh replay` (a fresh id per replayed message): only a message
    /// that carries it may be applied again after it was dead-lettered.
    public static let replayHeader = "x-wmo-replay"

    public var exchanges: [Exchange]
    public var queues: [Queue]

    public init(exchanges: [Exchange] = [], queues: [Queue] = []) {
        self.exchanges = exchanges
        self.queues = queues
    }

    /// The exchanges every service shares.
    public static let standardExchanges: [Exchange] = [
        Exchange(name: eventsExchange, type: .topic),
        Exchange(name: partnerExchange, type: .topic),
        Exchange(name: deadLetterExchange, type: .direct),
        Exchange(name: unroutableExchange, type: .fanout),
    ]

    /// Exchanges (and the queue `wmo.unroutable`) the broker's definitions create: services
    /// only check they exist (a passive declare, which needs no permission), so a service's
    /// broker user needs no configure right on anything shared.
    public static let sharedExchanges: Set<String> = Set(standardExchanges.map(\.name))

    /// A topology with the standard exchanges plus `queues`.
    public static func standard(queues: [Queue], extraExchanges: [Exchange] = []) -> Topology {
        Topology(exchanges: standardExchanges + extraExchanges, queues: queues)
    }

    /// Declares all of it on `connection`.
    public func declare(on connection: AMQPConnection) throws(AMQPError) {
        for exchange in exchanges {
            if Self.sharedExchanges.contains(exchange.name) {
                try connection.requireExchange(exchange.name)
            } else {
                try connection.declareExchange(exchange.name, type: exchange.type.rawValue)
            }
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
        /// Quorum (replicated, with a delivery limit) unless a test needs otherwise.
        public var kind: Kind

        /// How long a message waits in `<name>.retry` is the `message-ttl` of the broker's
        /// `wmo-retry-delay` policy (5 s), not an argument here.
        public init(name: String, bindings: [Binding] = [], kind: Kind = .quorum) {
            self.name = name
            self.bindings = bindings
            self.kind = kind
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
            // A classic queue: it only holds messages for the policy's TTL, then returns them.
            let retry: [String: FieldValue] = [
                "x-dead-letter-exchange": "",
                "x-dead-letter-routing-key": .string(name),
            ]
            try connection.declareQueue(retryQueue, arguments: retry)
            for binding in bindings {
                try connection.bindQueue(name, exchange: binding.exchange, routingKey: binding.routingKey)
            }
        }
    }
}
