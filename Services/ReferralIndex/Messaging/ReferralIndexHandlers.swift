import Contracts
import Foundation
public import ReliableMessaging
import Storage

/// The signalling organisations' messages. Each counts only from the organisation's own login
/// as the broker validated it (`user_id`), never from a field in the body; a refusal (invalid
/// BSN, 23 or older, not designated, another organisation's signal, …) is dead-lettered with
/// its reason, the sender gets `notice.message-rejected`, and the audit records it.
public enum ReferralIndexHandlers {
    public static func make(service: ReferralIndexService) -> MessageHandlers {
        var handlers = MessageHandlers()
        handlers.on(SignalRegistered.self) { message, header, context, tx in
            let organisation = try sender(context)
            // Another region's organisation (regions sharing one broker): not ours to judge.
            guard service.settings.serves(organisation.municipality) else { return }
            let receipt: SignalReceipt
            do {
                receipt = try service.register(SignalInput(message), organisation: organisation, actor: organisation.description, in: tx)
            } catch let error as ReferralIndexError {
                throw HandlerError.rejected(error.description)
            }
            try answer(
                SignalRecorded(
                    outcome: receipt.outcome,
                    signalId: receipt.signal.id,
                    reference: message.reference,
                    removeOn: receipt.signal.removeOn
                ),
                to: organisation,
                header: header,
                service: service,
                in: tx
            )
        }
        handlers.on(SignalWithdrawn.self) { message, header, context, tx in
            let organisation = try sender(context)
            guard service.settings.serves(organisation.municipality) else { return }
            let view: SignalView
            do {
                guard let reason = SignalRemoval(rawValue: message.reason) else { throw ReferralIndexError.invalidParameter("reason") }
                view = try service.withdraw(message.signalId, reason: reason, organisation: organisation, in: tx)
            } catch let error as ReferralIndexError {
                throw HandlerError.rejected(error.description)
            }
            try answer(
                SignalRecorded(outcome: "withdrawn", signalId: view.id, reference: nil, removeOn: nil),
                to: organisation,
                header: header,
                service: service,
                in: tx
            )
        }
        // Federation, between the index's own instances on wmo.events (organisations cannot
        // publish there).
        handlers.on(SignalForwarded.self) { message, header, tx in
            do {
                try service.receiveForwarded(message, municipality: header.municipality, in: tx)
            } catch let error as ReferralIndexError {
                throw HandlerError.rejected(error.description)
            }
        }
        handlers.on(FederationMatched.self) { message, _, tx in
            do {
                try service.receiveFederationMatch(message, in: tx)
            } catch let error as ReferralIndexError {
                throw HandlerError.rejected(error.description)
            }
        }
        // The desk's death notice: through the default exchange, which organisations cannot use.
        handlers.on(PersonDeceased.self) { message, header, tx in
            do {
                _ = try service.recordDeath(message, notifiedBy: header.producer, in: tx)
            } catch let error as ReferralIndexError {
                throw HandlerError.rejected(error.description)
            }
        }
        handlers.onDeadLetter { message, tx in
            guard let sender = message.context.userId, let organisation = OrganisationKey(sender) else { return }
            try AuditLog.record(
                .refused,
                municipality: organisation.municipality,
                actor: sender,
                organisation: organisation,
                detail: "\(message.type): \(message.reason.prefix(200))",
                at: service.clock(),
                in: tx
            )
        }
        return handlers
    }

    /// The organisation that sent the message, as the broker validated it.
    private static func sender(_ context: DeliveryContext) throws -> OrganisationKey {
        guard context.isFromOrganisation, let sender = context.userId, let organisation = OrganisationKey(sender) else {
            throw HandlerError.rejected("signals come from the organisation's own login on wmo.partners")
        }
        return organisation
    }

    private static func answer(
        _ receipt: SignalRecorded,
        to organisation: OrganisationKey,
        header: EnvelopeHeader,
        service: ReferralIndexService,
        in tx: Transaction
    )
        throws
    {
        let envelope = Envelope(
            receipt,
            correlationId: header.correlationId,
            causationId: header.messageId,
            municipality: organisation.municipality,
            producer: service.producer
        )
        try Outbox.enqueue(envelope, routingKey: ReferralIndexTopology.routingKey(SignalRecorded.messageType, for: organisation), in: tx)
    }
}
