public import Contracts
public import Foundation

extension RequestPassedOn {
    /// The message for a checked `PassOnPayload`: the one way the desk builds what a partner
    /// receives, so it carries only what the payload holds (no BSN, no subjectRef, no history).
    /// - Parameters:
    ///   - acceptBy: the instant by which the partner must accept (end of the accept due day).
    ///   - contactBy: the instant by which the partner must report first contact.
    public init(_ payload: PassOnPayload, acceptBy: Date, contactBy: Date) {
        self.init(
            referralId: payload.referralID,
            partnerId: payload.partnerID.rawValue,
            question: payload.question,
            categories: payload.categories,
            urgency: payload.urgency,
            district: payload.district ?? "",
            contact: ConsentedContact(payload.contact),
            acceptBy: acceptBy,
            contactBy: contactBy
        )
    }
}

extension ConsentedContact {
    /// The wire form of the consented contact data: each field only when it was shared.
    public init(_ contact: PartnerContactData) {
        let name = [contact.givenNames, contact.familyName].compactMap { $0 }.joined(separator: " ")
        let address = contact.address.map { "\($0.streetLine), \($0.cityLine)" }
        var language = contact.language
        if contact.needsInterpreter == true { language = (language.map { "\($0); " } ?? "") + "tolk nodig" }
        self.init(
            name: name.isEmpty ? nil : name,
            phone: contact.phone,
            email: contact.email,
            address: address,
            preferredChannel: contact.preferredChannel?.rawValue,
            language: language
        )
    }
}
