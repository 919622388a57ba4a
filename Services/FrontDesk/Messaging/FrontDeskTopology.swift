public import Messaging

/// What the front desk declares on the broker: its inbound queue, and one queue per partner
/// organisation (`partner.<partnerId>`) that receives the requests passed on to it and the
/// withdrawals of consent.
public enum FrontDeskTopology {
    /// The routing keys the desk consumes: partners' answers, outcomes of indication and
    /// matching, panel invitations.
    public static let inboundRoutingKeys = [
        "partner.referral.*",
        "indication.decided",
        "matching.matched",
        "matching.failed",
        "panel.invitation.requested",
    ]

    /// The desk's inbound queue under `name` (tests use a private name).
    public static func inboundQueue(name: String = "frontdesk.inbound") -> Topology.Queue {
        Topology.Queue(name: name, bindings: inboundRoutingKeys.map { .init(routingKey: $0) })
    }

    /// Answers from partners, outcomes of indication and matching, panel invitations.
    public static let inbound = inboundQueue()

    /// What the desk declares at start-up (partner queues are declared from the social map).
    public static let topology = Topology.standard(queues: [inbound])

    /// Routing key of a request passed on to `partner`.
    public static func passedOnRoutingKey(_ partner: PartnerID) -> String {
        "frontdesk.request.passed-on.\(partner.rawValue)"
    }

    /// Routing key of a consent withdrawal for `partner`.
    public static func consentWithdrawnRoutingKey(_ partner: PartnerID) -> String {
        "frontdesk.consent.withdrawn.\(partner.rawValue)"
    }

    /// The queue name of `partner`, as stored on the social map.
    public static func partnerQueueName(_ partner: PartnerID) -> String { "partner.\(partner.rawValue)" }

    /// The queue of `partner`, bound to exactly its own routing keys.
    public static func partnerQueue(_ partner: PartnerID) -> Topology.Queue {
        Topology.Queue(
            name: partnerQueueName(partner),
            bindings: [.init(routingKey: passedOnRoutingKey(partner)), .init(routingKey: consentWithdrawnRoutingKey(partner))]
        )
    }

    /// The topology of the partner queues for `partners`.
    public static func partnerTopology(_ partners: [PartnerID]) -> Topology {
        Topology.standard(queues: partners.map(partnerQueue))
    }
}
