public import Foundation

/// `frontdesk.request.passed-on`: the desk passes the clarified request (not the person) to a
/// partner, who contacts the citizen. Routed to the partner's own queue (`partner.<id>`).
public struct RequestPassedOn: MessageContract, Equatable {
    public static let messageType = "frontdesk.request.passed-on"
    public static let schemaVersion = SchemaVersion(1, 0)

    /// The referral the partner answers about.
    public var referralId: UUID
    public var partnerId: String
    /// The clarified question (vraagverheldering), in the citizen's words where possible.
    public var question: String
    public var categories: [LifeDomain]
    public var urgency: Urgency
    public var district: String
    /// Only the consented contact data.
    public var contact: ConsentedContact
    /// Warm-referral deadlines: accept by, first contact by.
    public var acceptBy: Date
    public var contactBy: Date

    public init(
        referralId: UUID,
        partnerId: String,
        question: String,
        categories: [LifeDomain],
        urgency: Urgency,
        district: String,
        contact: ConsentedContact,
        acceptBy: Date,
        contactBy: Date
    ) {
        self.referralId = referralId
        self.partnerId = partnerId
        self.question = question
        self.categories = categories
        self.urgency = urgency
        self.district = district
        self.contact = contact
        self.acceptBy = acceptBy
        self.contactBy = contactBy
    }

    public func validate() throws(ContractViolation) {
        try ContractViolation.check(question, "question", length: 1...4000)
        try ContractViolation.check(partnerId, "partnerId", length: 1...64)
    }
}
