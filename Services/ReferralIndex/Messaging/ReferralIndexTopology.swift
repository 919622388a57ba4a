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

    /// Routing key of a message of `type` for `organisation` (bound to its queue
    /// `signaller.<organisation>` by `scripts/organisations.sh add signaller`).
    public static func routingKey(_ type: String, for organisation: OrganisationKey) -> String { "\(type).\(organisation)" }
}
