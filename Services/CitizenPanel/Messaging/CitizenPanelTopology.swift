public import Messaging

/// What the citizen panel (burgerpanel) declares on the broker (SPEC §6).
public enum CitizenPanelTopology {
    /// Closed requests and stopped care, sampled for the client satisfaction survey.
    public static let satisfaction = Topology.Queue(
        name: "citizen-panel.satisfaction",
        bindings: [
            .init(routingKey: "frontdesk.request.closed"),
            .init(routingKey: "care.stopped"),
        ]
    )

    public static let topology = Topology.standard(queues: [satisfaction])
}
