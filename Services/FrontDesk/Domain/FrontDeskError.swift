public import Contracts
public import Foundation
public import WorkingDays

/// Fout van de balie: every rule the front-desk domain refuses, with a Dutch message for staff
/// that says what was wrong and what to do, a stable English `code` for problem+json and
/// dead-letter reasons, the form `field` it belongs to (if any) and an HTTP status.
///
/// Messages never repeat a BSN, so they are safe to log.
public enum FrontDeskError: Error, Sendable, Hashable, CustomStringConvertible {
    // MARK: Fields
    /// The BSN failed a check.
    case invalidBSN(BSN.Problem)
    /// The postcode is not like `1234 AB`; carries the input.
    case invalidPostcode(String)
    /// A required field is blank.
    case missingField(field: String, label: String)
    /// A field is longer than allowed.
    case fieldTooLong(field: String, label: String, maxLength: Int, actualLength: Int)
    /// The e-mail address has not the shape `naam@voorbeeld.nl`.
    case invalidEmail(field: String)
    /// The phone number has other characters or too few or many digits.
    case invalidPhone(field: String)
    /// The house number is not 1 to 99999.
    case invalidHouseNumber
    /// The birth date is not plausible.
    case invalidBirthDate(BirthDateProblem)
    /// A date field is not a date.
    case invalidDate(field: String, label: String)
    /// The preferred channel cannot be used with the data recorded.
    case preferredChannelUnreachable(ContactChannel)

    // MARK: Household (P3)
    /// The person is already a member.
    case memberAlreadyInHousehold
    /// The household already has a principal member.
    case principalAlreadySet
    /// A coordinator is assigned; changing it is a hand-over.
    case coordinatorAlreadyAssigned(current: StaffID)
    /// No coordinator is assigned yet.
    case noCoordinator
    /// A hand-over to the current coordinator.
    case handOverToSameCoordinator
    /// The household already has an active plan.
    case activePlanExists
    /// The household has no active plan.
    case noActivePlan

    // MARK: Request lifecycle
    /// The request cannot move from one status to the other.
    case invalidTransition(from: RequestStatus, to: RequestStatus)
    /// A route cannot move from one state to the other.
    case invalidRouteTransition(kind: RouteKind, from: RouteState, to: RouteState)
    /// The same route (kind and partner) is still open.
    case routeAlreadyOpen(kind: RouteKind, partner: PartnerID?)
    /// No route with this id on the request.
    case routeNotFound(UUID)
    /// Closing without a reason while routes are open.
    case routesStillOpen([RouteKind])
    /// A route needs at least one life domain.
    case noCategories
    /// A partner acknowledgement contradicts the referral's state.
    case invalidReferralTransition(from: ReferralStatus, to: ReferralStatus)
    /// An arrangement can only be reported insufficient once indication decided on the request.
    case noDecisionYet

    // MARK: Consent and partners (P1)
    /// No consent for passing on to this partner.
    case consentMissing(partner: PartnerID)
    /// The consent was withdrawn on that day.
    case consentWithdrawn(partner: PartnerID, on: LocalDate)
    /// The consent names another partner.
    case consentNotForPartner(consentPartner: PartnerID, requestedPartner: PartnerID)
    /// The consent belongs to another request.
    case consentNotForRequest
    /// The consent (or request) belongs to another person.
    case consentNotForPerson
    /// The consent names no item through which the partner can reach the citizen.
    case consentWithoutReachableItem
    /// The consent was already withdrawn.
    case consentAlreadyWithdrawn
    /// No such partner on the municipality's social map.
    case unknownPartner(PartnerID)
    /// The partner takes no passed-on requests.
    case partnerCannotReceiveReferrals(PartnerID)
    /// The data belongs to another municipality (SPEC P6).
    case otherMunicipality

    // MARK: Records and access
    /// No person with this id (or BSN) in the staff member's municipality.
    case personNotFound
    /// A person with this BSN is already registered in the municipality.
    case personAlreadyRegistered
    /// No request with this id in the staff member's municipality.
    case requestNotFound
    /// The request is anonymous, but the action needs a registered person.
    case requestWithoutPerson
    /// No consent with this id in the staff member's municipality.
    case consentNotFound
    /// No decision with this id in the staff member's municipality.
    case decisionNotFound
    /// The partner id is not lowercase letters, digits and hyphens (it becomes a queue name).
    case invalidPartnerID(String)
    /// A partner with this id is already on the municipality's social map.
    case partnerAlreadyExists(PartnerID)
    /// The staff member's role does not allow the action.
    case notPermitted(action: String)
    /// A search without any criterion.
    case searchCriteriaMissing
    /// No household with this id in the staff member's municipality.
    case householdNotFound
    /// The named coordinator is not an active coordinator of the municipality.
    case notACoordinator(String)
    /// A route needs a clarified question: the citizen's own words never leave the desk.
    case questionNotClarified
    /// Free text that leaves the desk names the person (field `field`, labelled `label`).
    case personalDataInText(field: String, label: String, item: PersonalIdentifier)
    /// The consent names an item the person has no value for (e.g. phone without a number).
    case consentItemWithoutValue(ContactDataItem)
    /// Only the household's current coordinator or a team lead may do this.
    case notTheCoordinator(current: StaffID?)
    /// A complaints committee can only advise on a complaint.
    case notAComplaint
    /// Free text with control characters (e.g. a NUL byte pasted from another program).
    case invalidCharacters(field: String, label: String)
    /// A time window for matching that is not `<weekday>-<morning|afternoon|evening>`.
    case invalidTimeWindow(String)
    /// A duration for matching outside 1-104 weeks.
    case invalidDuration

    /// What is wrong with a birth date.
    public enum BirthDateProblem: String, Sendable, Hashable, Codable {
        /// After today.
        case inFuture = "in-future"
        /// Before 1890.
        case tooEarly = "too-early"
    }

    /// Stable English code for problem+json `type` and dead-letter reasons, e.g. `invalid-bsn`.
    public var code: String {
        switch self {
        case .invalidBSN: "invalid-bsn"
        case .invalidPostcode: "invalid-postcode"
        case .missingField: "missing-field"
        case .fieldTooLong: "field-too-long"
        case .invalidEmail: "invalid-email"
        case .invalidPhone: "invalid-phone"
        case .invalidHouseNumber: "invalid-house-number"
        case .invalidBirthDate: "invalid-birth-date"
        case .invalidDate: "invalid-date"
        case .preferredChannelUnreachable: "preferred-channel-unreachable"
        case .memberAlreadyInHousehold: "member-already-in-household"
        case .principalAlreadySet: "principal-already-set"
        case .coordinatorAlreadyAssigned: "coordinator-already-assigned"
        case .noCoordinator: "no-coordinator"
        case .handOverToSameCoordinator: "hand-over-to-same-coordinator"
        case .activePlanExists: "active-plan-exists"
        case .noActivePlan: "no-active-plan"
        case .invalidTransition: "invalid-transition"
        case .invalidRouteTransition: "invalid-route-transition"
        case .routeAlreadyOpen: "route-already-open"
        case .noDecisionYet: "no-decision-yet"
        case .routeNotFound: "route-not-found"
        case .routesStillOpen: "routes-still-open"
        case .noCategories: "no-categories"
        case .invalidReferralTransition: "invalid-referral-transition"
        case .consentMissing: "consent-missing"
        case .consentWithdrawn: "consent-withdrawn"
        case .consentNotForPartner: "consent-not-for-partner"
        case .consentNotForRequest: "consent-not-for-request"
        case .consentNotForPerson: "consent-not-for-person"
        case .consentWithoutReachableItem: "consent-without-reachable-item"
        case .consentAlreadyWithdrawn: "consent-already-withdrawn"
        case .unknownPartner: "unknown-partner"
        case .partnerCannotReceiveReferrals: "partner-cannot-receive-referrals"
        case .otherMunicipality: "other-municipality"
        case .personNotFound: "person-not-found"
        case .personAlreadyRegistered: "person-already-registered"
        case .requestNotFound: "request-not-found"
        case .requestWithoutPerson: "request-without-person"
        case .consentNotFound: "consent-not-found"
        case .decisionNotFound: "decision-not-found"
        case .invalidPartnerID: "invalid-partner-id"
        case .partnerAlreadyExists: "partner-already-exists"
        case .notPermitted: "not-permitted"
        case .searchCriteriaMissing: "search-criteria-missing"
        case .householdNotFound: "household-not-found"
        case .notACoordinator: "not-a-coordinator"
        case .questionNotClarified: "question-not-clarified"
        case .personalDataInText: "personal-data-in-text"
        case .consentItemWithoutValue: "consent-item-without-value"
        case .notTheCoordinator: "not-the-coordinator"
        case .notAComplaint: "not-a-complaint"
        case .invalidCharacters: "invalid-characters"
        case .invalidTimeWindow: "invalid-time-window"
        case .invalidDuration: "invalid-duration"
        }
    }

    /// The form field the message belongs next to, or `nil` for a message about the whole page.
    public var field: String? {
        switch self {
        case .invalidBSN: "bsn"
        case .invalidPostcode: "postcode"
        case .missingField(let field, _), .fieldTooLong(let field, _, _, _), .invalidEmail(let field),
            .invalidPhone(let field), .invalidDate(let field, _):
            field
        case .invalidHouseNumber: "houseNumber"
        case .invalidBirthDate: "birthDate"
        case .preferredChannelUnreachable: "preferredChannel"
        case .handOverToSameCoordinator: "coordinator"
        case .noCategories: "categories"
        case .consentMissing, .consentNotForPartner, .unknownPartner, .partnerCannotReceiveReferrals: "partner"
        case .consentWithoutReachableItem: "items"
        case .personAlreadyRegistered: "bsn"
        case .invalidPartnerID, .partnerAlreadyExists: "id"
        case .notACoordinator: "coordinator"
        case .questionNotClarified: "clarifiedQuestion"
        case .personalDataInText(let field, _, _): field
        case .consentItemWithoutValue: "items"
        case .notAComplaint: "complaintsCommittee"
        case .invalidCharacters(let field, _): field
        case .invalidTimeWindow: "timeWindows"
        case .invalidDuration: "durationWeeks"
        default: nil
        }
    }

    /// The HTTP status of the problem: 404 for what is not there (or not visible to this
    /// municipality), 409 for a conflict with the current state, 422 for input that breaks a rule.
    public var httpStatus: Int {
        switch self {
        case .routeNotFound, .unknownPartner, .otherMunicipality, .personNotFound, .requestNotFound, .consentNotFound,
            .decisionNotFound, .householdNotFound:
            404
        case .notPermitted, .notTheCoordinator: 403
        case .personAlreadyRegistered, .partnerAlreadyExists: 409
        case .memberAlreadyInHousehold, .principalAlreadySet, .coordinatorAlreadyAssigned, .noCoordinator,
            .activePlanExists, .noActivePlan, .invalidTransition, .invalidRouteTransition, .routeAlreadyOpen,
            .routesStillOpen, .invalidReferralTransition, .consentWithdrawn, .consentAlreadyWithdrawn,
            .questionNotClarified, .noDecisionYet:
            409
        default: 422
        }
    }

    /// The message for staff, in Dutch: what was wrong and what to do.
    public var message: String { FrontDeskError.dutchMessage(for: self) }

    /// `code: message`, for logs.
    public var description: String { "\(code): \(message)" }
}
