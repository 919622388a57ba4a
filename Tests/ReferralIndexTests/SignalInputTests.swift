import Contracts
import Testing
import WorkingDays

@testable import ReferralIndex

@Suite struct SignalInputTests {
    static let professional = SignalRegistered.Professional(name: "Sanne de Wit", phone: "026 123 4567", email: "Sanne@Jeugdzorg.example")

    func input(
        bsn: String = "123456782",
        birthDate: String = "2010-04-01",
        parents: [String]? = nil,
        organisation: String? = nil
    )
        -> SignalInput
    {
        SignalInput(
            bsn: bsn,
            birthDate: birthDate,
            parentBsns: parents,
            professional: Self.professional,
            organisation: organisation,
            youngPersonInformed: true
        )
    }

    func check(_ input: SignalInput) throws(ReferralIndexError) -> SignalInput.Checked {
        try input.checked(organisation: Examples.jeugdzorg, fallback: nil, keyer: Examples.keyer, today: Examples.today)
    }

    @Test func aValidRegistrationIsKeyedAndTheContactNormalised() throws {
        let checked = try check(input(parents: ["100000009", "100000009"]))
        #expect(checked.subject == Examples.key("123456782"))
        #expect(checked.parents == [Examples.key("100000009")])
        #expect(checked.professional.email == "sanne@jeugdzorg.example")
    }

    @Test func anInvalidBSNIsRefusedWithTheField() {
        #expect(throws: ReferralIndexError.invalidBSN(field: "bsn", .elevenTestFailed)) { try check(input(bsn: "123456789")) }
        #expect(throws: ReferralIndexError.invalidBSN(field: "parentBsns", .elevenTestFailed)) {
            try check(input(parents: ["123456789"]))
        }
    }

    @Test func twentyThreeOrOlderIsRefused() {
        #expect(throws: ReferralIndexError.tooOld) { try check(input(birthDate: "2003-12-07")) }
    }

    @Test func aBodyClaimingAnotherOrganisationIsRefused() {
        #expect(throws: ReferralIndexError.organisationMismatch(claimed: "0202-school", actual: "0202-jeugdzorg")) {
            try check(input(organisation: "0202-school"))
        }
    }

    @Test func underSixteenWithoutTheParentsIsRefused() {
        var young = input(birthDate: "2015-01-01")
        young.parentsInformed = nil
        #expect(throws: ReferralIndexError.parentsInformedMissing) { try check(young) }
    }

    @Test func aMalformedContactIsRefusedWithTheField() {
        var bad = input()
        bad.professional = .init(name: "Sanne", phone: "bel me", email: "sanne@jeugdzorg.example")
        #expect(throws: ReferralIndexError.invalidContact(field: "professional.phone", "give a phone number (digits, spaces, + - ( ))")) {
            try check(bad)
        }
    }
}
