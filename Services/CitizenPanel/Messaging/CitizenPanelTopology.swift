public import Contracts
public import Messaging

/// What the citizen panel (burgerpanel) declares on the broker (SPEC §6): one queue for the
/// chain's events it samples for the client satisfaction survey.
public enum CitizenPanelTopology {
    /// The queue under `name` (tests use a private name).
    public static func satisfactionQueue(name: String = "citizen-panel.satisfaction") -> Topology.Queue {
        Topology.Queue(name: name, bindings: [.init(routingKey: RequestClosed.messageType), .init(routingKey: CareEnded.messageType)])
    }

    public static let satisfaction = satisfactionQueue()

    public static let topology = Topology.standard(queues: [satisfaction])
}
