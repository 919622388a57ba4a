public import Foundation

/// The citizen as a partner desk registered them, with what they consented to pass on.
public struct SubmittedCitizen: Codable, Sendable, Equatable {
    public var bsn: String
    public var givenNames: String
    public var familyNamePrefix: String?
    public var familyName: String
    /// `YYYY-MM-DD`.
    public var birthDate: String
    public var phone: String?
    public var email: String?
    public var postcode: String?
    public var houseNumber: Int?

    public init(
        bsn: String,
        givenNames: String,
        familyNamePrefix: String? = nil,
        familyName: String,
        birthDate: String,
        phone: String? = nil,
        email: String? = nil,
        postcode: String? = nil,
        houseNumber: Int? = nil
    ) {
        self.bsn = bsn
        self.givenNames = givenNames
        self.familyNamePrefix = familyNamePrefix
        self.familyName = familyName
        self.birthDate = birthDate
        self.phone = phone
        self.email = email
        self.postcode = postcode
        self.houseNumber = houseNumber
    }
}

/// `partner.request.submitted`: a partner desk of the desk network (loketnetwerk, SPEC §2)
/// submits a request on a citizen's behalf, with the citizen's consent, so the citizen tells
/// their story once. The desk matches or registers the person and acknowledges with
/// `frontdesk.request.received`.
public struct PartnerRequestSubmitted: MessageContract, Equatable {
    public static let messageType = "partner.request.submitted"
    public static let schemaVersion = SchemaVersion(1, 0)
    /// The partner's own id for this submission (echoed in the acknowledgement).
    public var submissionId: UUID
    public var partnerId: String
    /// The citizen consented to pass this on to the municipality's front desk.
    public var consentGiven: Bool
    public var consentedAt: Date
    public var citizen: SubmittedCitizen
    /// The question in the citizen's words, as the partner recorded it.
    public var question: String

    public init(
        submissionId: UUID,
        partnerId: String,
        consentGiven: Bool,
        consentedAt: Date,
        citizen: SubmittedCitizen,
        question: String
    ) {
        self.submissionId = submissionId
        self.partnerId = partnerId
        self.consentGiven = consentGiven
        self.consentedAt = consentedAt
        self.citizen = citizen
        self.question = question
    }

    public func validate() throws(ContractViolation) {
        guard consentGiven else {
            throw ContractViolation(field: "consentGiven", problem: "must be true: without the citizen's consent nothing may be passed on")
        }
        try ContractViolation.check(question, "question", length: 1...4000)
        try ContractViolation.check(citizen.familyName, "citizen.familyName", length: 1...200)
    }
}

/// `frontdesk.request.received`: the desk's acknowledgement of a submitted request, to the
/// submitting partner's queue: the request's id at the desk (quote it when you call the desk).
public struct RequestReceived: MessageContract, Equatable {
    public static let messageType = "frontdesk.request.received"
    public static let schemaVersion = SchemaVersion(1, 0)
    public var submissionId: UUID
    public var requestId: UUID
    public var partnerId: String

    public init(submissionId: UUID, requestId: UUID, partnerId: String) {
        self.submissionId = submissionId
        self.requestId = requestId
        self.partnerId = partnerId
    }
}
