public import Messaging

/// What the referral index (verwijsindex) declares on the broker (SPEC §5).
public enum ReferralIndexTopology {
    /// Signal registrations and withdrawals from authorised organisations.
    public static let signals = Topology.Queue(
        name: "referral-index.signals",
        bindings: [.init(routingKey: "referral-index.signal.#")]
    )

    public static let topology = Topology.standard(queues: [signals])
}
