import Contracts
public import Foundation
import ReliableMessaging
import Storage
public import WorkingDays

/// What passing a request on produced.
public struct PassOnResult: Sendable, Codable {
    /// The referral to the partner.
    public var referral: Referral
    /// The consent recorded for it.
    public var consent: Consent
    /// The request with its new `passedOn` route.
    public var request: HelpRequest
    /// Last day for the partner to accept.
    public var acceptDue: LocalDate
    /// Last day for the partner's first contact with the citizen.
    public var contactDue: LocalDate
}

extension FrontDeskService {
    /// Passes a request on to a partner (warm referral, SPEC P1, P5): records the citizen's
    /// consent, the route and the referral, and writes `frontdesk.request.passed-on` for the
    /// partner's queue, all in one transaction; the message is built only from `PassOnPayload`,
    /// so it carries the consented contact data and nothing else (no BSN, no history).
    /// - Throws: `.requestNotFound`, `.requestWithoutPerson`, `.unknownPartner`,
    ///   `.partnerCannotReceiveReferrals`, `.consentMissing` (no items),
    ///   `.consentWithoutReachableItem`, `.noCategories`, `.invalidTransition` (not clarified
    ///   yet, or closed), `.routeAlreadyOpen`. Nothing is written when it throws.
    public func passOn(_ id: UUID, _ input: PassOnInput, by staff: StaffMember) async throws -> PassOnResult {
        try staff.require(.casework)
        let now = clock()
        let partnerID = PartnerID(input.partnerId)
        let items = Set(input.consentItems ?? [])
        let standardSLA = standardSLA
        let calendar = calendar
        return try await transaction(publishes: true) { tx in
            var request = try lockedRequest(id, of: staff, in: tx)
            let person = try person(of: request, in: tx)
            guard let partner = try PartnerRepository.find(id: partnerID, municipality: staff.municipality, in: tx) else {
                throw FrontDeskError.unknownPartner(partnerID)
            }
            guard partner.canReceiveReferrals else { throw FrontDeskError.partnerCannotReceiveReferrals(partnerID) }
            guard !items.isEmpty else { throw FrontDeskError.consentMissing(partner: partnerID) }
            let consent = try Consent.record(
                municipality: staff.municipality,
                person: person,
                requestID: request.id,
                partnerID: partnerID,
                items: items,
                givenAt: now,
                recordedBy: staff.id
            )
            let route = try request.takeRoute(.passedOn, partner: partnerID, at: now)
            let referral = Referral(
                municipality: request.municipality,
                requestID: request.id,
                routeID: route.id,
                partnerID: partnerID,
                passedOnAt: now
            )
            let payload = try PassOnPayload.make(
                request: request,
                referralID: referral.id,
                person: person,
                partner: partner,
                consent: consent,
                at: now
            )
            let policy = WarmReferralPolicy(
                standard: standardSLA,
                overrides: partner.slaOverride.map { [partnerID: $0] } ?? [:],
                calendar: calendar
            )
            let due = policy.assess(referral, urgency: request.urgency, now: now)

            try RequestRepository.save(request, in: tx)
            try ConsentRepository.insert(consent, in: tx)
            try ReferralRepository.insert(
                referral,
                consentID: consent.id,
                acceptDue: due.acceptDue,
                contactDue: due.contactDue,
                in: tx
            )
            let message = RequestPassedOn(
                payload,
                acceptBy: calendar.startOfDay(due.acceptDue.adding(days: 1)),
                contactBy: calendar.startOfDay(due.contactDue.adding(days: 1))
            )
            try Outbox.enqueue(
                envelope(message, about: request),
                routingKey: FrontDeskTopology.passedOnRoutingKey(FrontDeskTopology.organisation(partnerID, of: request.municipality)),
                in: tx
            )
            try log(
                .passOn,
                person: person.id,
                by: staff,
                context: "doorverwijzing \(referral.id) naar \(partnerID): \(payload.contact.sharedItems.rawValues.joined(separator: ", "))",
                at: now,
                in: tx
            )
            return PassOnResult(
                referral: referral,
                consent: consent,
                request: request,
                acceptDue: due.acceptDue,
                contactDue: due.contactDue
            )
        }
    }
}
