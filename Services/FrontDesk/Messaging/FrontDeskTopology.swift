public import Contracts
public import Messaging

/// What the front desk declares on the broker: its inbound queue, and one queue per partner
/// organisation (`partner.<municipality>-<partnerId>`, see `OrganisationKey`) that receives the
/// requests passed on to it, the withdrawals of consent and the rejection notices.
public enum FrontDeskTopology {
    /// The routing keys the desk consumes on `wmo.events`: outcomes of indication and
    /// matching, matching's overburdened carers, panel invitations.
    public static let inboundRoutingKeys = [
        "indication.decided",
        "matching.matched",
        "matching.failed",
        "matching.carer.overburdened",
        "panel.invitation.requested",
    ]

    /// Partners' answers, on `wmo.partners` only (`partner.<organisation>.referral.accepted`…):
    /// nobody but an organisation, under its own key, can publish there.
    public static let partnerAnswerRoutingKey = "partner.*.referral.*"
    /// Requests submitted by partner desks (loketnetwerk), on `wmo.partners` only.
    public static let partnerSubmissionRoutingKey = "partner.*.request.submitted"

    /// The desk's inbound queue under `name` (tests use a private name).
    public static func inboundQueue(name: String = "frontdesk.inbound") -> Topology.Queue {
        Topology.Queue(
            name: name,
            bindings: [
                .init(exchange: Topology.partnerExchange, routingKey: partnerAnswerRoutingKey),
                .init(exchange: Topology.partnerExchange, routingKey: partnerSubmissionRoutingKey),
            ]
                + inboundRoutingKeys.map { .init(routingKey: $0) }
        )
    }

    /// Answers from partners, outcomes of indication and matching, panel invitations.
    public static let inbound = inboundQueue()

    /// What the desk declares at start-up (partner queues are declared from the social map).
    public static let topology = Topology.standard(queues: [inbound])

    /// The broker name of `partner` of `municipality`.
    public static func organisation(_ partner: PartnerID, of municipality: MunicipalityCode) -> OrganisationKey {
        OrganisationKey(municipality: municipality, id: partner.rawValue)
    }

    /// Routing key of a request passed on to `partner`.
    public static func passedOnRoutingKey(_ partner: OrganisationKey) -> String {
        "frontdesk.request.passed-on.\(partner)"
    }

    /// Routing key of a consent withdrawal for `partner`.
    public static func consentWithdrawnRoutingKey(_ partner: OrganisationKey) -> String {
        "frontdesk.consent.withdrawn.\(partner)"
    }

    /// Routing key of the acknowledgement of a request `partner` submitted.
    public static func requestReceivedRoutingKey(_ partner: OrganisationKey) -> String {
        "\(RequestReceived.messageType).\(partner)"
    }

    /// Routing key of the rejection notices for `partner` (sent by any service that
    /// dead-letters one of its messages).
    public static func rejectionNoticeRoutingKey(_ partner: OrganisationKey) -> String {
        "\(MessageRejected.messageType).\(partner)"
    }

    /// The queue name of `partner`, as stored on the social map.
    public static func partnerQueueName(_ partner: OrganisationKey) -> String { "partner.\(partner)" }

    /// The queue of `partner`, bound to exactly its own routing keys.
    public static func partnerQueue(_ partner: OrganisationKey) -> Topology.Queue {
        Topology.Queue(
            name: partnerQueueName(partner),
            bindings: [
                .init(routingKey: passedOnRoutingKey(partner)), .init(routingKey: consentWithdrawnRoutingKey(partner)),
                .init(routingKey: rejectionNoticeRoutingKey(partner)), .init(routingKey: requestReceivedRoutingKey(partner)),
            ]
        )
    }

    /// The topology of the partner queues for `partners`.
    public static func partnerTopology(_ partners: [OrganisationKey]) -> Topology {
        Topology.standard(queues: partners.map(partnerQueue))
    }
}
