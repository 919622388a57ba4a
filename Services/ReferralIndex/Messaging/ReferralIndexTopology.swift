public import Contracts
public import Messaging

/// What the referral index (verwijsindex) declares on the broker (SPEC §5): one inbound queue
/// for the signalling organisations' registrations and withdrawals, on `wmo.partners` only
/// (`signaller.<organisation>.signal.…`, each from the organisation's own login).
public enum ReferralIndexTopology {
    /// The organisations' messages the index consumes.
    public static let signalRoutingKey = "signaller.*.signal.*"

    /// The inbound queue under `name` (tests use a private name).
    public static func inboundQueue(name: String = "referral-index.inbound") -> Topology.Queue {
        Topology.Queue(name: name, bindings: [.init(exchange: Topology.partnerExchange, routingKey: signalRoutingKey)])
    }

    public static let inbound = inboundQueue()

    public static let topology = Topology.standard(queues: [inbound])

    /// The queue of an instance in `role` (tests give it a private `name`): on its own the
    /// organisations' signals; a region also the national index's matches for it
    /// (`referral-index.<region>.inbound`); the national index the regions' forwarded signals
    /// (`referral-index.national`).
    public static func queue(for role: FederationRole, name: String? = nil) -> Topology.Queue {
        switch role {
        case .standalone: return inboundQueue(name: name ?? "referral-index.inbound")
        case .region(let region):
            var queue = inboundQueue(name: name ?? "referral-index.\(region).inbound")
            queue.bindings.append(.init(routingKey: federationRoutingKey(region)))
            return queue
        case .national:
            return Topology.Queue(name: name ?? "referral-index.national", bindings: [.init(routingKey: SignalForwarded.messageType)])
        }
    }

    /// The desk's death notices (`frontdesk.person.deceased`), through the default exchange:
    /// they carry a BSN, so they go to no exchange another service could bind to.
    public static func deathNotices(name: String = PersonDeceased.queue) -> Topology.Queue {
        Topology.Queue(name: name, bindings: [])
    }

    /// Routing key of the national index's matches for `region`.
    public static func federationRoutingKey(_ region: String) -> String { "\(FederationMatched.messageType).\(region)" }

    /// Routing key of a message of `type` for `organisation` (bound to its queue
    /// `signaller.<organisation>` by `scripts/organisations.sh add signaller`).
    public static func routingKey(_ type: String, for organisation: OrganisationKey) -> String { "\(type).\(organisation)" }
}
