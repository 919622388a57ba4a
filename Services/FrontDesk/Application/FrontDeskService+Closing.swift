import Contracts
public import Foundation
import ReliableMessaging
import Storage

extension FrontDeskService {
    /// Closes a request and writes `frontdesk.request.closed` with the outcome (the panel samples
    /// it for the satisfaction survey). With a reason, open routes are cancelled; every referral
    /// still running is withdrawn, its consent ends and the partner gets
    /// `frontdesk.consent.withdrawn` (delete the contact data, stop).
    ///
    /// An anonymous request emits no event: without a subjectRef nobody can be invited.
    /// - Throws: `.routesStillOpen` without a reason while routes are open;
    ///   `.invalidTransition` when already closed or (without a reason) never routed.
    public func closeRequest(_ id: UUID, _ input: CloseInput, by staff: StaffMember) async throws -> HelpRequest {
        try staff.require(.casework)
        let now = clock()
        return try await transaction(publishes: true) { tx in
            var request = try lockedRequest(id, of: staff, in: tx)
            let cancelled: [RequestRoute]
            if let reason = input.reason.nonBlank {
                cancelled = try request.close(outcome: input.outcome, reason: reason, at: now)
            } else {
                try request.close(outcome: input.outcome, at: now)
                cancelled = []
            }
            try RequestRepository.save(request, in: tx)
            let referrals = try ReferralRepository.referrals(forRequests: [id], municipality: staff.municipality, in: tx)
            for route in cancelled where route.kind == .passedOn {
                guard let stored = referrals.first(where: { $0.referral.routeID == route.id }) else { continue }
                try withdraw(stored, consentOf: staff, request: request, at: now, in: tx)
            }
            guard request.personID != nil else { return request }
            let person = try person(of: request, in: tx)
            let closed = RequestClosed(
                requestId: request.id,
                subjectRef: person.subjectRef,
                outcome: input.outcome.rawValue,
                routes: request.routes.map(\.kind.rawValue),
                district: person.district ?? ""
            )
            try Outbox.enqueue(envelope(closed, about: request), in: tx)
            return request
        }
    }

    /// Withdraws a consent (the citizen changed their mind): the referral given under it is
    /// withdrawn, its route cancelled, and the partner gets `frontdesk.consent.withdrawn`.
    /// - Throws: `.consentNotFound`, `.consentAlreadyWithdrawn`.
    public func withdrawConsent(_ consentID: UUID, by staff: StaffMember) async throws -> Consent {
        try staff.require(.casework)
        let now = clock()
        return try await transaction(publishes: true) { tx in
            guard let known = try ConsentRepository.find(id: consentID, municipality: staff.municipality, in: tx) else {
                throw FrontDeskError.consentNotFound
            }
            var request = try lockedRequest(known.requestID, of: staff, in: tx)
            guard
                var consent = try ConsentRepository.find(
                    id: consentID,
                    municipality: staff.municipality,
                    forUpdate: true,
                    in: tx
                )
            else { throw FrontDeskError.consentNotFound }
            try consent.withdraw(at: now, by: staff.id)
            try ConsentRepository.saveWithdrawal(consent, in: tx)
            if var stored = try ReferralRepository.find(consentID: consentID, municipality: staff.municipality, in: tx),
                try stored.referral.withdraw(at: now)
            {
                try ReferralRepository.update(stored.referral, in: tx)
                try RouteProgress.follow(
                    routeID: stored.referral.routeID,
                    in: &request,
                    to: .cancelled,
                    note: "Toestemming ingetrokken door de burger.",
                    at: now,
                    in: tx
                )
                let message = ConsentWithdrawn(referralId: stored.referral.id, partnerId: consent.partnerID.rawValue)
                try Outbox.enqueue(
                    envelope(message, about: request),
                    routingKey: FrontDeskTopology.consentWithdrawnRoutingKey(
                        FrontDeskTopology.organisation(consent.partnerID, of: request.municipality)
                    ),
                    in: tx
                )
            }
            return consent
        }
    }

    /// Withdraws a running referral of a closed request, ends its consent and tells the partner.
    private func withdraw(
        _ stored: ReferralRepository.Stored,
        consentOf staff: StaffMember,
        request: HelpRequest,
        at now: Date,
        in tx: Transaction
    ) throws {
        var referral = stored.referral
        guard (try? referral.withdraw(at: now)) == true else { return }
        try ReferralRepository.update(referral, in: tx)
        if var consent = try ConsentRepository.find(
            id: stored.consentID,
            municipality: staff.municipality,
            forUpdate: true,
            in: tx
        ),
            consent.isInForce
        {
            try consent.withdraw(at: now, by: staff.id)
            try ConsentRepository.saveWithdrawal(consent, in: tx)
        }
        let message = ConsentWithdrawn(referralId: referral.id, partnerId: referral.partnerID.rawValue)
        try Outbox.enqueue(
            envelope(message, about: request),
            routingKey: FrontDeskTopology.consentWithdrawnRoutingKey(
                FrontDeskTopology.organisation(referral.partnerID, of: referral.municipality)
            ),
            in: tx
        )
    }
}
