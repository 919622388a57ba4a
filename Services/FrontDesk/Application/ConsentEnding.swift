import Contracts
import Foundation
import ReliableMessaging
import Storage

/// Ends the consent a referral was passed on under (SPEC §2): the citizen withdrew it, the
/// partner declined, or the desk closed the request. Whatever the referral's state, the consent
/// ends and the partner gets `frontdesk.consent.withdrawn` (delete the contact data, stop); a
/// referral still running is withdrawn as well. A consent that already ended is not announced
/// twice.
enum ConsentEnding {
    /// What ending changed.
    struct Outcome {
        /// The consent was in force and has now ended.
        var consentEnded: Bool
        /// The referral was still running and is now withdrawn (cancel its route).
        var referralWithdrawn: Bool
    }

    @discardableResult
    static func end(
        _ stored: ReferralRepository.Stored,
        _ reason: ConsentEnd,
        by staff: StaffID?,
        at now: Date,
        correlationId: UUID,
        causationId: UUID? = nil,
        producer: String,
        in tx: Transaction
    ) throws -> Outcome {
        var referral = stored.referral
        let withdrawn = referral.withdraw(at: now)
        if withdrawn { try ReferralRepository.update(referral, in: tx) }
        var ended = false
        if var consent = try ConsentRepository.find(
            id: stored.consentID,
            municipality: referral.municipality,
            forUpdate: true,
            in: tx
        ), consent.isInForce {
            try consent.end(reason, at: now, by: staff)
            try ConsentRepository.saveWithdrawal(consent, in: tx)
            ended = true
        }
        if ended || withdrawn {
            let message = Envelope(
                ConsentWithdrawn(referralId: referral.id, partnerId: referral.partnerID.rawValue),
                correlationId: correlationId,
                causationId: causationId,
                municipality: referral.municipality,
                producer: producer
            )
            try Outbox.enqueue(
                message,
                routingKey: FrontDeskTopology.consentWithdrawnRoutingKey(
                    FrontDeskTopology.organisation(referral.partnerID, of: referral.municipality)
                ),
                in: tx
            )
        }
        return Outcome(consentEnded: ended, referralWithdrawn: withdrawn)
    }
}
