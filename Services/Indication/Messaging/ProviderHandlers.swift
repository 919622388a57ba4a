import Contracts
import Foundation
import ReliableMessaging
import Storage
import WorkingDays

/// The provider exchange (iWmo 302/305/307): receipts of allocations, and the start and stop of
/// care. Each message counts only from the provider that holds the allocation, as the broker says
/// (`user_id`); any other sender, or an unknown allocation, is dead-lettered with a rejection
/// notice to the sender. A start or stop that breaks a rule is answered with
/// `indication.receipt` (rejected, retour codes) and has no effect; an accepted one too.
enum ProviderHandlers {
    static func register(in handlers: inout MessageHandlers, service: IndicationService) {
        handlers.on(AllocationAcknowledged.self) { message, header, context, tx in
            for id in message.allocationIds {
                var allocation = try held(id, context: context, in: tx)
                allocation.recordReceipt(accepted: true, codes: [], at: service.clock())
                try AllocationRepository.save(allocation, in: tx)
            }
        }
        handlers.on(AllocationRejected.self) { message, header, context, tx in
            for id in message.allocationIds {
                var allocation = try held(id, context: context, in: tx)
                allocation.recordReceipt(accepted: false, codes: message.retourCodes, at: service.clock())
                try AllocationRepository.save(allocation, in: tx)
            }
        }
        handlers.on(CareStarted.self) { message, header, context, tx in
            var allocation = try held(message.allocationId, context: context, in: tx)
            let outcome: (accepted: Bool, codes: [RetourCode])
            if let day = LocalDate(iso: message.startDate) {
                outcome = allocation.start(on: day, reportedOn: service.today, calendar: service.settings.calendar)
            } else {
                outcome = (false, [.invalidDate])
            }
            try answer(outcome, to: header, type: CareStarted.messageType, allocation: allocation, service: service, in: tx)
        }
        handlers.on(CareStopped.self) { message, header, context, tx in
            var allocation = try held(message.allocationId, context: context, in: tx)
            let outcome: (accepted: Bool, codes: [RetourCode])
            if let day = LocalDate(iso: message.stopDate) {
                outcome = allocation.stop(
                    on: day,
                    reason: message.reason.rawValue,
                    reportedOn: service.today,
                    calendar: service.settings.calendar
                )
            } else {
                outcome = (false, [.invalidDate])
            }
            try answer(outcome, to: header, type: CareStopped.messageType, allocation: allocation, service: service, in: tx)
        }
    }

    /// The allocation `id`, locked, when the sender is the provider that holds it.
    private static func held(_ id: UUID, context: DeliveryContext, in tx: Transaction) throws -> Allocation {
        guard context.isFromOrganisation, let sender = context.userId else {
            throw HandlerError.rejected("provider messages come from the provider's own login on wmo.partners")
        }
        guard let allocation = try AllocationRepository.find(id, in: tx) else {
            throw HandlerError.rejected("allocation \(id) is unknown")
        }
        guard allocation.provider.description == sender else {
            throw HandlerError.rejected("allocation \(id) is not held by \(sender)")
        }
        return allocation
    }

    /// Saves an accepted report and sends the receipt either way.
    private static func answer(
        _ outcome: (accepted: Bool, codes: [RetourCode]),
        to header: EnvelopeHeader,
        type: String,
        allocation: Allocation,
        service: IndicationService,
        in tx: Transaction
    ) throws {
        if outcome.accepted { try AllocationRepository.save(allocation, in: tx) }
        let receipt = ProviderMessageReceipt(
            receivedMessageId: header.messageId,
            receivedType: type,
            allocationId: allocation.id,
            accepted: outcome.accepted,
            retourCodes: outcome.codes.map(\.rawValue)
        )
        let envelope = Envelope(
            receipt,
            correlationId: header.correlationId,
            causationId: header.messageId,
            municipality: allocation.municipality,
            producer: service.producer
        )
        try Outbox.enqueue(
            envelope,
            routingKey: IndicationTopology.providerRoutingKey(ProviderMessageReceipt.messageType, allocation.provider),
            in: tx
        )
    }
}
