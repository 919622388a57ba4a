import Contracts
import Foundation
import Testing

@testable import FrontDesk

@Suite("Consent and data minimisation (the request travels, not the person)")
struct ConsentTests {
    let person = Fixtures.person()
    let requestID = UUID()
    let time = Fixtures.at(2026, 3, 2)

    func consent(_ items: Set<ContactDataItem>, partner: PartnerID = Fixtures.mee) throws -> Consent {
        try Consent.record(
            municipality: .arnhem,
            person: person,
            requestID: requestID,
            partnerID: partner,
            items: items,
            givenAt: time,
            recordedBy: Fixtures.anna
        )
    }

    /// Every string in the JSON of `value`, to prove what is (not) in it.
    func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test("only the consented items are shared")
    func onlyConsented() throws {
        let data = try PartnerContactData(person: person, consent: consent([.phone]), partner: Fixtures.mee)
        #expect(data.phone == "026 123 45 67")
        #expect(data.sharedItems == [.phone])
        #expect(data.givenNames == nil && data.familyName == nil && data.email == nil && data.address == nil)
        #expect(data.preferredChannel == nil && data.language == nil && data.needsInterpreter == nil)
    }

    @Test("each item maps to its own data")
    func eachItem() throws {
        let all = try PartnerContactData(person: person, consent: consent(Set(ContactDataItem.allCases)), partner: Fixtures.mee)
        #expect(all.sharedItems == Set(ContactDataItem.allCases))
        #expect(all.givenNames == "Jan Pieter")
        #expect(all.familyName == "van der Berg")
        #expect(all.email == "jan@example.nl")
        #expect(all.address?.postcode.rawValue == "6811 AB")
        #expect(all.preferredChannel == .phone)
        #expect(all.language == "nl")
        #expect(all.needsInterpreter == false)
    }

    /// Defect: consenting to "phone" for a person without a phone number was accepted.
    @Test("a consent to an item the person has no value for is refused")
    func consentOnValues() throws {
        var noPhone = person
        noPhone.phone = nil
        #expect(throws: FrontDeskError.consentItemWithoutValue(.phone)) {
            try Consent.record(
                municipality: .arnhem,
                person: noPhone,
                requestID: requestID,
                partnerID: Fixtures.mee,
                items: [.name, .phone],
                givenAt: time,
                recordedBy: Fixtures.anna
            )
        }
        #expect(FrontDeskError.consentItemWithoutValue(.phone).field == "items")
        #expect(FrontDeskError.consentItemWithoutValue(.phone).message.contains("telefoonnummer"))
    }

    @Test("a value removed after consent is simply absent")
    func absentValue() throws {
        var noEmail = person
        noEmail.email = nil
        let data = try PartnerContactData(person: noEmail, consent: consent([.email, .phone]), partner: Fixtures.mee)
        #expect(data.sharedItems == [.phone])
    }

    @Test(
        "never the BSN, birth date or subjectRef, whatever was consented",
        arguments: [
            Set<ContactDataItem>([.phone]), Set(ContactDataItem.allCases),
        ]
    )
    func neverBSN(_ items: Set<ContactDataItem>) throws {
        let data = try PartnerContactData(person: person, consent: consent(items), partner: Fixtures.mee)
        let text = try json(data)
        #expect(!text.contains(person.bsn.rawValue))
        #expect(!text.lowercased().contains("bsn"))
        #expect(!text.contains("1948"))
        #expect(!text.lowercased().contains(person.subjectRef.rawValue.uuidString.lowercased()))
        #expect(!text.contains(person.id.uuidString))
        #expect(!text.contains("Marieke"))  // the representative is not an item
    }

    @Test("no consent, withdrawn, other partner, other person are refused")
    func refused() throws {
        #expect(throws: FrontDeskError.consentMissing(partner: Fixtures.mee)) {
            try PartnerContactData(person: person, consent: nil, partner: Fixtures.mee)
        }
        var withdrawn = try consent([.phone])
        try withdrawn.withdraw(at: Fixtures.at(2026, 3, 5), by: nil)
        #expect(!withdrawn.isInForce)
        #expect(throws: FrontDeskError.consentWithdrawn(partner: Fixtures.mee, on: Fixtures.day(2026, 3, 5))) {
            try PartnerContactData(person: person, consent: withdrawn, partner: Fixtures.mee)
        }
        #expect(throws: FrontDeskError.consentAlreadyWithdrawn) { try withdrawn.withdraw(at: time, by: Fixtures.anna) }
        #expect(
            throws: FrontDeskError.consentNotForPartner(consentPartner: Fixtures.rijnstad, requestedPartner: Fixtures.mee)
        ) {
            try PartnerContactData(person: person, consent: consent([.phone], partner: Fixtures.rijnstad), partner: Fixtures.mee)
        }
        #expect(throws: FrontDeskError.consentNotForPerson) {
            try PartnerContactData(person: Fixtures.person(), consent: consent([.phone]), partner: Fixtures.mee)
        }
    }

    @Test("a consent must let the partner reach the citizen")
    func reachable() {
        #expect(throws: FrontDeskError.consentWithoutReachableItem) { try consent([.name, .language]) }
        #expect(throws: FrontDeskError.consentWithoutReachableItem) { try consent([]) }
    }

    @Test("the error messages tell staff what to do")
    func messages() {
        let missing = FrontDeskError.consentMissing(partner: Fixtures.mee)
        #expect(missing.code == "consent-missing")
        #expect(missing.field == "partner")
        #expect(missing.httpStatus == 422)
        #expect(missing.message.contains("toestemming"))
        let withdrawn = FrontDeskError.consentWithdrawn(partner: Fixtures.mee, on: Fixtures.day(2026, 3, 5))
        #expect(withdrawn.message.contains("05-03-2026"))
        #expect(withdrawn.httpStatus == 409)
    }
}

@Suite("Pass-on payload")
struct PassOnPayloadTests {
    let person = Fixtures.person()
    let time = Fixtures.at(2026, 3, 2, 11)
    let partner = Partner(
        id: Fixtures.mee,
        name: "MEE Gelderse Poort",
        municipality: .arnhem,
        categories: [.socialNetwork],
        queueName: "partner.mee-gelderse-poort"
    )

    func request() throws -> HelpRequest {
        var request = Fixtures.clarifyingRequest(personID: person.id)
        try request.clarify(question: "Zoekt contact met buurtgenoten", at: time)
        return request
    }

    func consent(for request: HelpRequest, items: Set<ContactDataItem> = [.name, .phone]) throws -> Consent {
        try Consent.record(
            municipality: .arnhem,
            person: person,
            requestID: request.id,
            partnerID: Fixtures.mee,
            items: items,
            givenAt: time,
            recordedBy: Fixtures.anna
        )
    }

    @Test("carries the clarified question, domains, urgency, district and consented contact only")
    func contents() throws {
        let request = try request()
        let payload = try PassOnPayload.make(
            request: request,
            referralID: UUID(),
            person: person,
            partner: partner,
            consent: consent(for: request),
            at: time
        )
        #expect(payload.question == "Zoekt contact met buurtgenoten")
        #expect(payload.categories == [.socialNetwork, .basicADL])
        #expect(payload.district == "Presikhaaf")
        #expect(payload.contact.sharedItems == [.name, .phone])
        let text = String(decoding: try JSONEncoder().encode(payload), as: UTF8.self)
        #expect(!text.contains(person.bsn.rawValue))
        #expect(!text.lowercased().contains("bsn"))
        #expect(!text.contains("jan@example.nl"))
        #expect(!text.contains("Rijnkade"))
        #expect(!text.lowercased().contains(person.subjectRef.description))
        #expect(!text.contains("eenzaam"))  // the unclarified original text stays at the desk
    }

    @Test("refuses without consent, for another request, a general provision or another municipality")
    func refusals() throws {
        let request = try request()
        #expect(throws: FrontDeskError.consentMissing(partner: Fixtures.mee)) {
            try PassOnPayload.make(request: request, referralID: UUID(), person: person, partner: partner, consent: nil, at: time)
        }
        let otherRequest = Fixtures.clarifyingRequest(personID: person.id)
        #expect(throws: FrontDeskError.consentNotForRequest) {
            try PassOnPayload.make(
                request: request,
                referralID: UUID(),
                person: person,
                partner: partner,
                consent: consent(for: otherRequest),
                at: time
            )
        }
        var provision = partner
        provision.kind = .generalProvision
        #expect(throws: FrontDeskError.partnerCannotReceiveReferrals(Fixtures.mee)) {
            try PassOnPayload.make(
                request: request,
                referralID: UUID(),
                person: person,
                partner: provision,
                consent: consent(for: request),
                at: time
            )
        }
        var elsewhere = partner
        elsewhere.municipality = .nijmegen
        #expect(throws: FrontDeskError.otherMunicipality) {
            try PassOnPayload.make(
                request: request,
                referralID: UUID(),
                person: person,
                partner: elsewhere,
                consent: consent(for: request),
                at: time
            )
        }
    }
}
