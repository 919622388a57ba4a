import Contracts
import Foundation
import ReliableMessaging
import Storage
import WorkingDays

/// The provider exchange (iWmo 302/305/307/315/317): receipts of allocations, the start and
/// stop of care, and providers' requests for a new or changed allocation. Each message counts only from the provider that holds the allocation, as the broker says
/// (`user_id`); any other sender, or an unknown allocation, is dead-lettered with a rejection
/// notice to the sender. A start or stop that breaks a rule is answered with
/// `indication.receipt` (rejected, retour codes) and has no effect; an accepted one too.
enum ProviderHandlers {
    static func register(in handlers: inout MessageHandlers, service: IndicationService) {
        handlers.on(AllocationAcknowledged.self) { message, header, context, tx in
            for id in message.allocationIds {
                let before = try held(id, context: context, in: tx)
                var allocation = before
                allocation.recordReceipt(accepted: true, codes: [], at: service.clock())
                try AllocationRepository.save(allocation, previously: before, in: tx)
            }
        }
        handlers.on(AllocationRejected.self) { message, header, context, tx in
            for id in message.allocationIds {
                let before = try held(id, context: context, in: tx)
                var allocation = before
                allocation.recordReceipt(accepted: false, codes: message.retourCodes, at: service.clock())
                try AllocationRepository.save(allocation, previously: before, in: tx)
            }
        }
        handlers.on(CareStarted.self) { message, header, context, tx in
            let before = try held(message.allocationId, context: context, in: tx)
            var allocation = before
            let outcome: (accepted: Bool, codes: [RetourCode])
            if let day = LocalDate(iso: message.startDate) {
                outcome = allocation.start(on: day, reportedOn: service.today, calendar: service.settings.calendar)
            } else {
                outcome = (false, [.invalidDate])
            }
            try answer(outcome, to: header, type: CareStarted.messageType, allocation: allocation, previously: before, service: service, in: tx)
        }
        handlers.on(CareStopped.self) { message, header, context, tx in
            let before = try held(message.allocationId, context: context, in: tx)
            var allocation = before
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
            try answer(outcome, to: header, type: CareStopped.messageType, allocation: allocation, previously: before, service: service, in: tx)
            // The chain hears of the end once: when this stop set the stop date; it correlates with
            // the desk's request, as the allocation did.
            guard outcome.accepted, before.stopDate == nil,
                let chain = try CaseRepository.find(id: allocation.caseID, municipality: allocation.municipality, in: tx)
            else { return }
            let ended = CareEnded(
                allocationId: allocation.id,
                subjectRef: allocation.subjectRef,
                category: allocation.category,
                stopDate: message.stopDate,
                reason: message.reason
            )
            try Outbox.enqueue(
                Envelope(
                    ended,
                    correlationId: chain.requestID,
                    causationId: header.messageId,
                    municipality: allocation.municipality,
                    producer: service.producer
                ),
                in: tx
            )
        }
        handlers.on(AllocationRequested.self) { message, header, context, tx in
            let provider = try sender(context)
            var codes: [RetourCode] = []
            let latest = try AllocationRepository.latest(of: message.subjectRef, with: provider, in: tx)
            if latest == nil { codes.append(.clientUnknown) }
            if service.settings.contracts.tariff(of: provider, for: message.category, in: provider.municipality) == nil {
                codes.append(.notContracted)
            }
            let validFrom = LocalDate(iso: message.validFrom)
            if validFrom == nil { codes.append(.invalidDate) }
            if codes.isEmpty, let latest {
                let request = ProviderRequest(
                    kind: .allocation,
                    messageID: header.messageId,
                    provider: provider,
                    caseID: latest.caseID,
                    subjectRef: message.subjectRef,
                    category: message.category,
                    volume: message.volume,
                    unit: message.unit,
                    validFrom: validFrom,
                    validUntil: nil,
                    reason: message.reason,
                    providerReference: message.providerReference,
                    receivedAt: service.clock(),
                    calendar: service.settings.calendar
                )
                _ = try service.receive(request, municipality: provider.municipality, in: tx)
            }
            try receipt(
                (codes.isEmpty, codes),
                to: header,
                type: AllocationRequested.messageType,
                allocationID: nil,
                provider: provider,
                service: service,
                in: tx
            )
        }
        handlers.on(AllocationChangeRequested.self) { message, header, context, tx in
            let allocation = try held(message.allocationId, context: context, in: tx)
            var codes: [RetourCode] = []
            if !allocation.isActive { codes.append(.allocationNotActive) }
            if try ProviderRequestRepository.hasOpenChange(of: allocation.id, in: tx) { codes.append(.requestPending) }
            let validUntil = message.validUntil.map { LocalDate(iso: $0) }
            if validUntil == .some(nil) { codes.append(.invalidDate) }
            if codes.isEmpty {
                let request = ProviderRequest(
                    kind: .change,
                    messageID: header.messageId,
                    provider: allocation.provider,
                    caseID: allocation.caseID,
                    subjectRef: allocation.subjectRef,
                    allocationID: allocation.id,
                    category: allocation.category,
                    volume: message.volume ?? allocation.volume,
                    unit: message.volume == nil ? allocation.unit : (message.unit ?? allocation.unit),
                    validFrom: max(allocation.validFrom, service.today),
                    validUntil: validUntil ?? allocation.validUntil,
                    reason: message.reason,
                    providerReference: message.providerReference,
                    receivedAt: service.clock(),
                    calendar: service.settings.calendar
                )
                _ = try service.receive(request, municipality: allocation.municipality, in: tx)
            }
            try receipt(
                (codes.isEmpty, codes),
                to: header,
                type: AllocationChangeRequested.messageType,
                allocationID: allocation.id,
                provider: allocation.provider,
                service: service,
                in: tx
            )
        }
    }

    /// The provider that sent the message, as the broker validated it (`user_id`).
    private static func sender(_ context: DeliveryContext) throws -> OrganisationKey {
        guard context.isFromOrganisation, let sender = context.userId, let provider = OrganisationKey(sender) else {
            throw HandlerError.rejected("provider messages come from the provider's own login on wmo.partners")
        }
        return provider
    }

    /// The allocation `id`, locked, when the sender is the provider that holds it.
    private static func held(_ id: UUID, context: DeliveryContext, in tx: Transaction) throws -> Allocation {
        let sender = try sender(context).description
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
        previously before: Allocation,
        service: IndicationService,
        in tx: Transaction
    ) throws {
        if outcome.accepted { try AllocationRepository.save(allocation, previously: before, in: tx) }
        try receipt(outcome, to: header, type: type, allocationID: allocation.id, provider: allocation.provider, service: service, in: tx)
    }

    /// `indication.receipt` on the provider's queue: accepted, or rejected with retour codes.
    private static func receipt(
        _ outcome: (accepted: Bool, codes: [RetourCode]),
        to header: EnvelopeHeader,
        type: String,
        allocationID: UUID?,
        provider: OrganisationKey,
        service: IndicationService,
        in tx: Transaction
    ) throws {
        let receipt = ProviderMessageReceipt(
            receivedMessageId: header.messageId,
            receivedType: type,
            allocationId: allocationID,
            accepted: outcome.accepted,
            retourCodes: outcome.codes.map(\.rawValue)
        )
        let envelope = Envelope(
            receipt,
            correlationId: header.correlationId,
            causationId: header.messageId,
            municipality: provider.municipality,
            producer: service.producer
        )
        try Outbox.enqueue(
            envelope,
            routingKey: IndicationTopology.providerRoutingKey(ProviderMessageReceipt.messageType, provider),
            in: tx
        )
    }
}
