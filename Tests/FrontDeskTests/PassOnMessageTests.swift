import Contracts
import Foundation
import Testing

@testable import FrontDesk

/// The wire form of a passed-on request carries exactly the consented items.
struct PassOnMessageTests {
    func message(items: Set<ContactDataItem>) throws -> RequestPassedOn {
        let person = Fixtures.person()
        var request = Fixtures.clarifyingRequest(personID: person.id)
        let partner = Partner(id: Fixtures.mee, name: "MEE", municipality: .arnhem, categories: [.socialNetwork], queueName: "partner.mee")
        try request.clarify(question: "Contact in de wijk", at: Fixtures.at(2026, 3, 2))
        let consent = try Consent.record(
            municipality: .arnhem,
            person: person,
            requestID: request.id,
            partnerID: Fixtures.mee,
            items: items,
            givenAt: Fixtures.at(2026, 3, 2),
            recordedBy: Fixtures.anna
        )
        let payload = try PassOnPayload.make(
            request: request,
            referralID: UUID(),
            person: person,
            partner: partner,
            consent: consent,
            at: Fixtures.at(2026, 3, 2)
        )
        return RequestPassedOn(payload, acceptBy: Fixtures.at(2026, 3, 5, 0), contactBy: Fixtures.at(2026, 3, 10, 0))
    }

    @Test func onlyConsentedItemsAreOnTheWire() throws {
        #expect(try message(items: [.phone]).contact == ConsentedContact(phone: "026 123 45 67"))
        let all = try message(items: Set(ContactDataItem.allCases)).contact
        #expect(all.name == "Jan Pieter van der Berg")
        #expect(all.address == "Rijnkade 12A, 6811 AB  ARNHEM")
        #expect(all.email == "jan@example.nl")
        #expect(all.preferredChannel == "phone")
        #expect(all.language == "nl")
    }

    @Test func theMessageHasNoBSNAndNoSubjectRef() throws {
        let person = Fixtures.person()
        let text = String(decoding: try ContractJSON.encoder().encode(try message(items: Set(ContactDataItem.allCases))), as: UTF8.self)
        #expect(!text.contains(person.bsn.rawValue))
        #expect(!text.contains("1948"))
        #expect(!text.contains("Marieke"))
    }

    @Test func invitationsGoByTheChannelThatCanCarryText() {
        var person = Fixtures.person()
        #expect(OutgoingLetter.route(to: person)?.0 == .sms)
        person.preferredChannel = .email
        #expect(OutgoingLetter.route(to: person)?.1 == "jan@example.nl")
        person.preferredChannel = .letter
        #expect(OutgoingLetter.route(to: person)?.1 == "Jan Pieter van der Berg, Rijnkade 12A, 6811 AB  ARNHEM")
        person.phone = nil
        person.email = nil
        person.address = nil
        #expect(OutgoingLetter.route(to: person) == nil)
    }

    @Test func rolesAndPartnerIDs() {
        #expect(StaffRole.administrator.permissions == [.socialMap])
        #expect(StaffRole.consultant.permissions.contains(.casework))
        #expect(PartnerInput.isValidID("mee-gelderse-poort"))
        #expect(!PartnerInput.isValidID("Mee"))
        #expect(!PartnerInput.isValidID("a.b"))
        #expect(!PartnerInput.isValidID("-a"))
        #expect(!PartnerInput.isValidID(""))
    }
}
