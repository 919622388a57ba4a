public import Contracts
public import Messaging

/// What volunteer and informal-care matching declares on the broker (SPEC §4): one inbound queue
/// for the desk's and indication's requests (on `wmo.events`) and the volunteer centres'
/// registrations and answers (on `wmo.partners`, `volunteer-centre.<centre>.…`, each from the
/// centre's own login).
public enum MatchingTopology {
    /// The centres' messages matching consumes.
    public static let centreRoutingKey = "volunteer-centre.*.#"

    /// The inbound queue under `name` (tests use a private name).
    public static func inboundQueue(name: String = "matching.requests") -> Topology.Queue {
        Topology.Queue(
            name: name,
            bindings: [
                .init(routingKey: MatchingRequested.messageType),
                .init(routingKey: InformalSupportRequested.messageType),
                .init(exchange: Topology.partnerExchange, routingKey: centreRoutingKey),
            ]
        )
    }

    public static let requests = inboundQueue()

    public static let topology = Topology.standard(queues: [requests])

    /// Routing key of a message of `type` for `centre` (bound to its queue
    /// `volunteer-centre.<centre>` by `scripts/organisations.sh add volunteer-centre`).
    public static func routingKey(_ type: String, for centre: OrganisationKey) -> String { "\(type).\(centre)" }
}
