public import Contracts
public import Messaging

/// What the citizen panel (burgerpanel) declares on the broker (SPEC §6): the queue of the chain's
/// events it samples for the client satisfaction survey, and the queue where the invitations to
/// its members wait for the municipality's mail service.
public enum CitizenPanelTopology {
    /// The queue under `name` (tests use a private name).
    public static func satisfactionQueue(name: String = "citizen-panel.satisfaction") -> Topology.Queue {
        Topology.Queue(name: name, bindings: [.init(routingKey: RequestClosed.messageType), .init(routingKey: CareEnded.messageType)])
    }

    public static let satisfaction = satisfactionQueue()

    /// `panel.member.invited`, for the mail service: declared by the panel so that no invitation
    /// is lost before the mail service first connects.
    public static let memberMail = Topology.Queue(name: "citizen-panel.member-mail", bindings: [.init(routingKey: PanelMemberInvited.messageType)])

    public static let topology = Topology.standard(queues: [satisfaction, memberMail])
}
