public import Messaging

/// What the indication service declares on the broker (SPEC §3).
public enum IndicationTopology {
    /// Assessment requests from the desk, informal-support answers from matching, provider answers.
    public static let inbound = Topology.Queue(
        name: "indication.inbound",
        bindings: [
            .init(routingKey: "frontdesk.indication.requested"),
            .init(routingKey: "matching.failed"),
            .init(routingKey: "matching.matched"),
            .init(routingKey: "provider.#"),
        ]
    )

    public static let topology = Topology.standard(queues: [inbound])
}
