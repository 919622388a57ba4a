public import Contracts
public import Messaging

/// What the indication service declares on the broker (SPEC §3): its inbound queue for the
/// desk's requests, matching's outcomes and the assessor organisations' advice.
public enum IndicationTopology {
    /// The routing keys indication consumes on `wmo.events`.
    public static let inboundRoutingKeys = [
        "frontdesk.indication.requested", "frontdesk.arrangement.insufficient", "matching.failed", "matching.matched",
    ]

    /// Advice from independent assessor organisations, on `wmo.partners` only
    /// (`assessor.<organisation>.advice.given`).
    public static let adviceRoutingKey = "assessor.*.advice.given"

    /// Providers' answers and reports, on `wmo.partners` only (`provider.<organisation>.…`).
    public static let providerRoutingKeys = ["provider.*.allocation.*", "provider.*.care.*"]

    /// The inbound queue under `name` (tests use a private name).
    public static func inboundQueue(name: String = "indication.inbound") -> Topology.Queue {
        Topology.Queue(
            name: name,
            bindings: inboundRoutingKeys.map { .init(routingKey: $0) }
                + [.init(exchange: Topology.partnerExchange, routingKey: adviceRoutingKey)]
                + providerRoutingKeys.map { .init(exchange: Topology.partnerExchange, routingKey: $0) }
        )
    }

    public static let inbound = inboundQueue()

    public static let topology = Topology.standard(queues: [inbound])

    /// Routing key of an advice request for `organisation` (bound to its queue
    /// `assessor.<organisation>` by `scripts/organisations.sh add assessor`).
    public static func adviceRoutingKey(_ organisation: OrganisationKey) -> String {
        "\(AdviceRequested.messageType).\(organisation)"
    }

    /// Routing key of a message of `type` for `provider` (bound to its queue
    /// `provider.<organisation>` by `scripts/organisations.sh add provider`).
    public static func providerRoutingKey(_ type: String, _ provider: OrganisationKey) -> String {
        "\(type).\(provider)"
    }
}
