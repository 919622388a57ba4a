import Foundation
import WorkingDays

/// Contactgegevens voor de partner: the data minimisation rule of SPEC P1 as a type.
///
/// It has no field for a BSN, birth date, history or other requests, and `init(person:consent:...)`
/// fills only the items the citizen consented to for that partner. It is the only way a person's
/// data reaches a partner.
public struct PartnerContactData: Sendable, Hashable, Codable {
    /// Voornamen, if `name` was consented.
    public var givenNames: String?
    /// Achternaam with prefix, if `name` was consented.
    public var familyName: String?
    /// Telefoonnummer, if consented and known.
    public var phone: String?
    /// E-mailadres, if consented and known.
    public var email: String?
    /// Adres, if consented and known.
    public var address: Address?
    /// Contactvoorkeur, if consented.
    public var preferredChannel: ContactChannel?
    /// Taal, if `language` was consented and known.
    public var language: String?
    /// Tolk nodig, if `language` was consented.
    public var needsInterpreter: Bool?

    /// An empty record (nothing shared).
    public init() {}

    /// Builds the data for `partner` from `person`, sharing only the items of `consent`.
    /// - Throws: `.consentMissing` when `consent` is `nil`; `.consentNotForPartner` when it names
    ///   another partner; `.consentNotForPerson` when it belongs to another person;
    ///   `.consentWithdrawn` when it was withdrawn.
    public init(person: Person, consent: Consent?, partner: PartnerID) throws(FrontDeskError) {
        guard let consent else { throw .consentMissing(partner: partner) }
        guard consent.partnerID == partner else {
            throw .consentNotForPartner(consentPartner: consent.partnerID, requestedPartner: partner)
        }
        guard consent.personID == person.id, consent.municipality == person.municipality else {
            throw .consentNotForPerson
        }
        if let withdrawnAt = consent.withdrawnAt {
            throw .consentWithdrawn(partner: partner, on: WorkingDayCalendar().day(of: withdrawnAt))
        }
        self.init()
        let items = consent.items
        if items.contains(.name) {
            let given = person.givenNames.trimmingWhitespace()
            givenNames = given.isEmpty ? nil : given
            familyName = person.fullFamilyName
        }
        if items.contains(.phone) { phone = person.phone.nonBlank }
        if items.contains(.email) { email = person.email.nonBlank }
        if items.contains(.address) { address = person.address }
        if items.contains(.preferredChannel) { preferredChannel = person.preferredChannel }
        if items.contains(.language) {
            language = person.language.nonBlank
            needsInterpreter = person.needsInterpreter
        }
    }

    /// The items actually present (a consented item the person has no value for is absent).
    public var sharedItems: Set<ContactDataItem> {
        var items: Set<ContactDataItem> = []
        if givenNames != nil || familyName != nil { items.insert(.name) }
        if phone != nil { items.insert(.phone) }
        if email != nil { items.insert(.email) }
        if address != nil { items.insert(.address) }
        if preferredChannel != nil { items.insert(.preferredChannel) }
        if language != nil || needsInterpreter != nil { items.insert(.language) }
        return items
    }
}

extension Optional where Wrapped == String {
    /// The trimmed string, or `nil` when absent or blank.
    var nonBlank: String? {
        guard let trimmed = self?.trimmingWhitespace(), !trimmed.isEmpty else { return nil }
        return trimmed
    }
}
