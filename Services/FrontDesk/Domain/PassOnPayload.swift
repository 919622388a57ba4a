public import Contracts
public import Foundation

/// Doorgezette hulpvraag: what the desk sends a partner when it passes a request on
/// (`frontdesk.request.passed-on`): the request, not the person (SPEC P1).
///
/// It carries the clarified question, the life domains, the urgency and the district, and only
/// the consented contact data. No BSN, no `subjectRef` (a partner could link requests with
/// it), no history and no other requests: the type has no place for them.
public struct PassOnPayload: Sendable, Hashable, Codable {
    /// The request; partners quote it in their acknowledgements (the `correlation_id`).
    public var requestID: UUID
    /// The referral the partner acknowledges.
    public var referralID: UUID
    /// The municipality (SPEC P6).
    public var municipality: MunicipalityCode
    /// The receiving partner.
    public var partnerID: PartnerID
    /// The clarified question (or the original text when not clarified).
    public var question: String
    /// The life domains.
    public var categories: [LifeDomain]
    /// The urgency.
    public var urgency: Urgency
    /// The citizen's district (wijk), if known.
    public var district: String?
    /// Only the consented contact data.
    public var contact: PartnerContactData
    /// When the desk passed it on.
    public var passedOnAt: Date

    /// Builds the payload for passing `request` on to `partner`, checking every rule first.
    /// - Throws: `.otherMunicipality` when request, person and partner are not of one
    ///   municipality; `.partnerCannotReceiveReferrals` for a general provision or a partner
    ///   without a queue; `.noCategories`; `.consentMissing`, `.consentNotForPartner`,
    ///   `.consentNotForRequest`, `.consentNotForPerson` or `.consentWithdrawn` for the consent.
    public static func make(
        request: HelpRequest,
        referralID: UUID,
        person: Person,
        partner: Partner,
        consent: Consent?,
        at time: Date
    ) throws(FrontDeskError) -> PassOnPayload {
        guard person.municipality == request.municipality else { throw .otherMunicipality }
        guard partner.municipality == request.municipality else { throw .otherMunicipality }
        guard request.personID == person.id else { throw .consentNotForPerson }
        guard partner.canReceiveReferrals else { throw .partnerCannotReceiveReferrals(partner.id) }
        guard !request.categories.isEmpty else { throw .noCategories }
        let contact = try PartnerContactData(person: person, consent: consent, partner: partner.id)
        // Checked after the partner, so a missing or wrong-partner consent gets its own message.
        guard consent?.requestID == request.id else { throw .consentNotForRequest }
        let question = try request.questionForPartners(about: person)
        return PassOnPayload(
            requestID: request.id,
            referralID: referralID,
            municipality: request.municipality,
            partnerID: partner.id,
            question: question,
            categories: request.categories,
            urgency: request.urgency,
            district: person.district.nonBlank,
            contact: contact,
            passedOnAt: time
        )
    }
}
