import Contracts
import Foundation
import Messaging
import ReliableMessaging
import Storage

/// Partners' answers about a referral (`partner.referral.accepted`, `.declined`, `.contacted`,
/// `.completed`): move the referral and the request's route along.
///
/// - An unknown referral id is rejected: the referral is committed before the pass-on is
///   published, so an answer can never come first.
/// - Trust the broker, not the body: an answer must come through `wmo.partners` with a
///   `user_id` (RabbitMQ checked it is the sender's login), and that login must be the
///   referral's partner (`<municipality>-<partnerId>`). The payload's `partnerId` must agree.
///   Anything else is rejected to the dead-letter queue, and the sender gets a rejection notice.
/// - A repeated answer changes nothing; an answer after the desk withdrew the referral is
///   ignored (the partner was already told to stop); other contradictions are rejected.
/// - A decline ends the consent: the partner gets `frontdesk.consent.withdrawn` back.
enum PartnerReferralHandlers {
    /// - Parameter clock: the desk's time of receipt, against which the terms are measured.
    static func register(in handlers: inout MessageHandlers, clock: @escaping @Sendable () -> Date) {
        handlers.on(ReferralAccepted.self) { message, header, context, tx in
            try apply(message, header, context, tx, clock: clock) { referral, received in
                try referral.accept(at: received, reportedAt: header.timestamp)
            }
        }
        handlers.on(ReferralDeclined.self) { message, header, context, tx in
            try apply(message, header, context, tx, clock: clock) { referral, received in
                try referral.decline(reason: message.reason, at: received, reportedAt: header.timestamp)
            }
        }
        handlers.on(ReferralContacted.self) { message, header, context, tx in
            try apply(message, header, context, tx, clock: clock) { referral, received in
                try referral.recordContact(at: received, reportedAt: message.contactedAt)
            }
        }
        handlers.on(ReferralCompleted.self) { message, header, context, tx in
            try apply(message, header, context, tx, summary: message.summary, clock: clock) { referral, received in
                try referral.complete(at: received, reportedAt: header.timestamp)
            }
        }
    }

    private static func apply<M: ReferralAnswer>(
        _ message: M,
        _ header: EnvelopeHeader,
        _ context: DeliveryContext,
        _ tx: Transaction,
        summary: String? = nil,
        clock: @Sendable () -> Date,
        _ change: (inout Referral, _ received: Date) throws -> Bool
    ) throws {
        // One time of receipt for the answer: the transition, the consent's end and the route.
        let received = clock()
        guard context.exchange == Topology.partnerExchange else {
            throw HandlerError.rejected("an answer must come through \(Topology.partnerExchange), not '\(context.exchange)'")
        }
        guard let sender = context.userId, !sender.isEmpty else {
            throw HandlerError.rejected("an answer must carry user_id (the partner's broker login)")
        }
        // Lock the request before the referral, as the desk's own use cases do, so the two never
        // wait for each other.
        guard let known = try ReferralRepository.find(id: message.referralId, in: tx) else {
            throw HandlerError.rejected("unknown referral \(message.referralId)")
        }
        guard known.referral.municipality == header.municipality else {
            throw HandlerError.rejected(
                "referral \(known.referral.id) belongs to another municipality than \(header.municipality)"
            )
        }
        guard known.referral.partnerID.rawValue == message.partnerId else {
            throw HandlerError.rejected("partner \(message.partnerId) may not answer for a referral to another partner")
        }
        let partner = FrontDeskTopology.organisation(known.referral.partnerID, of: known.referral.municipality)
        guard sender == partner.description else {
            throw HandlerError.rejected("user_id \(sender) is not the partner of referral \(known.referral.id)")
        }
        let request = try RequestRepository.find(
            id: known.referral.requestID,
            municipality: known.referral.municipality,
            forUpdate: true,
            in: tx
        )
        guard var stored = try ReferralRepository.find(id: message.referralId, forUpdate: true, in: tx),
            stored.referral.status != .withdrawn
        else { return }
        var referral = stored.referral
        let changed: Bool
        do {
            changed = try change(&referral, received)
        } catch {
            let code = (error as? FrontDeskError)?.code ?? "\(error)"
            throw HandlerError.rejected("\(code): referral is \(referral.status.rawValue), \(M.messageType) contradicts it")
        }
        guard changed else { return }
        try ReferralRepository.update(referral, completionSummary: summary, in: tx)
        if referral.status == .declined {
            // The partner no longer needs the contact data: the consent ends and it is told to
            // delete them, as after a withdrawal.
            stored.referral = referral
            try ConsentEnding.end(
                stored,
                .declined,
                by: nil,
                at: received,
                correlationId: header.correlationId,
                causationId: header.messageId,
                producer: "front-desk",
                in: tx
            )
        }
        guard var request else { return }
        try RouteProgress.follow(
            routeID: referral.routeID,
            in: &request,
            to: referral.routeState,
            note: referral.declineReason ?? summary,
            at: received,
            in: tx
        )
    }
}

/// Moves a request's route to the state an outside answer implies, when the request and the
/// route can still move (an answer for a closed request or finished route changes nothing).
enum RouteProgress {
    /// Moves route `routeID` of `request` to `state` and saves the request, unless the request
    /// is closed or the route cannot move there any more (then nothing changes).
    static func follow(
        routeID: UUID,
        in request: inout HelpRequest,
        to state: RouteState,
        note: String?,
        at time: Date,
        in tx: Transaction
    ) throws {
        guard request.status != .closed, let route = request.route(id: routeID), route.state != state,
            route.state.canMove(to: state)
        else { return }
        try request.updateRoute(id: routeID, to: state, note: note, at: time)
        try RequestRepository.save(request, in: tx)
    }

    /// The first open route of `kind` on the request (indication and matching answers name the
    /// request, not the route).
    static func openRoute(of kind: RouteKind, in request: HelpRequest) -> RequestRoute? {
        request.routes.first { $0.kind == kind && !$0.isFinished }
    }
}
