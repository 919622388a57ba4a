public import Messaging

/// What volunteer and informal-care matching declares on the broker (SPEC §4).
public enum MatchingTopology {
    /// Match requests from the desk and informal-support lines from indication.
    public static let requests = Topology.Queue(
        name: "matching.requests",
        bindings: [
            .init(routingKey: "frontdesk.matching.requested"),
            .init(routingKey: "indication.informal-support.requested"),
        ]
    )

    public static let topology = Topology.standard(queues: [requests])
}
