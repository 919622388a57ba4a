public import Messaging

/// What the front desk declares on the broker.
public enum FrontDeskTopology {
    /// Answers from partners, outcomes of indication and matching, panel invitations.
    public static let inbound = Topology.Queue(
        name: "frontdesk.inbound",
        bindings: [
            .init(routingKey: "partner.referral.*"),
            .init(routingKey: "partner.request.submitted"),
            .init(routingKey: "indication.decided"),
            .init(routingKey: "matching.matched"),
            .init(routingKey: "matching.failed"),
            .init(routingKey: "panel.invitation.requested"),
        ])

    public static let topology = Topology.standard(queues: [inbound])
}
