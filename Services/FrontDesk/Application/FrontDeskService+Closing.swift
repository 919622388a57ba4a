import Contracts
public import Foundation
import ReliableMessaging
import Storage

extension FrontDeskService {
    /// Closes a request and writes `frontdesk.request.closed` with the outcome (the panel samples
    /// it for the satisfaction survey). With a reason, open routes are cancelled. Every consent of
    /// the request still in force ends, whatever its referral's state (a completed partner still
    /// holds the contact data): a running referral is withdrawn, and each partner gets
    /// `frontdesk.consent.withdrawn` (delete the contact data, stop).
    ///
    /// An anonymous request emits no `frontdesk.request.closed`: without a subjectRef nobody can
    /// be invited.
    /// - Throws: `.routesStillOpen` without a reason while routes are open;
    ///   `.invalidTransition` when already closed or (without a reason) never routed.
    public func closeRequest(_ id: UUID, _ input: CloseInput, by staff: StaffMember) async throws -> HelpRequest {
        try staff.require(.casework)
        let now = clock()
        let producer = producer
        return try await transaction(publishes: true) { tx in
            var request = try lockedRequest(id, of: staff, in: tx)
            if let reason = input.reason.nonBlank {
                try request.close(outcome: input.outcome, reason: reason, at: now)
            } else {
                try request.close(outcome: input.outcome, at: now)
            }
            try RequestRepository.save(request, in: tx)
            for stored in try ReferralRepository.referrals(forRequests: [id], municipality: staff.municipality, in: tx) {
                try ConsentEnding.end(
                    stored,
                    .requestClosed,
                    by: staff.id,
                    at: now,
                    correlationId: request.id,
                    producer: producer,
                    in: tx
                )
            }
            guard request.personID != nil else { return request }
            let person = try person(of: request, in: tx)
            try log(.closeRequest, person: person.id, by: staff, context: "hulpvraag \(id) afsluiten", at: now, in: tx)
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

    /// Withdraws a consent (the citizen changed their mind), whatever the referral's state: the
    /// consent ends, a referral still running is withdrawn and its route cancelled, and the
    /// partner gets `frontdesk.consent.withdrawn` (also after it completed or declined: it may
    /// still hold the contact data).
    /// - Throws: `.consentNotFound`, `.consentAlreadyWithdrawn`.
    public func withdrawConsent(_ consentID: UUID, by staff: StaffMember) async throws -> Consent {
        try staff.require(.casework)
        let now = clock()
        let producer = producer
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
            guard consent.isInForce else { throw FrontDeskError.consentAlreadyWithdrawn }
            if let stored = try ReferralRepository.find(consentID: consentID, municipality: staff.municipality, in: tx) {
                let outcome = try ConsentEnding.end(
                    stored,
                    .withdrawn,
                    by: staff.id,
                    at: now,
                    correlationId: request.id,
                    producer: producer,
                    in: tx
                )
                if outcome.referralWithdrawn {
                    try RouteProgress.follow(
                        routeID: stored.referral.routeID,
                        in: &request,
                        to: .cancelled,
                        note: "Toestemming ingetrokken door de burger.",
                        at: now,
                        in: tx
                    )
                }
            } else {
                try consent.withdraw(at: now, by: staff.id)
                try ConsentRepository.saveWithdrawal(consent, in: tx)
            }
            guard let ended = try ConsentRepository.find(id: consentID, municipality: staff.municipality, in: tx) else {
                throw FrontDeskError.consentNotFound
            }
            return ended
        }
    }
}
