import ReferralIndex
import Testing

@Suite struct MatchRuleTests {
    @Test func twoOrganisationsOnTheSameYoungPersonMatch() {
        let signals = [Examples.signal("123456782", by: Examples.jeugdzorg), Examples.signal("123456782", by: Examples.school)]
        #expect(MatchRules.isClientMatch(signals))
    }

    @Test func twoProfessionalsOfOneOrganisationDoNotMatch() {
        let signals = [
            Examples.signal("123456782", by: Examples.jeugdzorg, email: "a@j.nl"),
            Examples.signal("123456782", by: Examples.jeugdzorg, email: "b@j.nl"),
        ]
        #expect(!MatchRules.isClientMatch(signals))
    }

    @Test func aRemovedSignalDoesNotCount() throws {
        var withdrawn = Examples.signal("123456782", by: Examples.school)
        try withdrawn.remove(.riskGone, at: Examples.now, today: Examples.today)
        #expect(!MatchRules.isClientMatch([Examples.signal("123456782", by: Examples.jeugdzorg), withdrawn]))
    }

    @Test func siblingsWithASharedParentSignalledByTwoOrganisationsAreAFamily() {
        let first = Examples.signal("100000009", by: Examples.jeugdzorg, parents: ["100000010", "100000022"])
        let second = Examples.signal("100000034", by: Examples.school, parents: ["100000022"])
        let unrelated = Examples.signal("100000046", by: Examples.politie, parents: ["100000058"])
        let family = MatchRules.family(of: second, among: [first, unrelated])
        #expect(Set(family.map(\.id)) == [first.id, second.id])
        #expect(MatchRules.isFamilyMatch(family))
    }

    @Test func familyMembersAreFoundThroughAnotherParent() {
        // A and B share parent P1; B and C share P2: all three are one family.
        let a = Examples.signal("100000009", by: Examples.jeugdzorg, parents: ["100000010"])
        let b = Examples.signal("100000034", by: Examples.school, parents: ["100000010", "100000022"])
        let c = Examples.signal("100000046", by: Examples.politie, parents: ["100000022"])
        #expect(Set(MatchRules.family(of: a, among: [b, c]).map(\.id)) == [a.id, b.id, c.id])
    }

    @Test func siblingsSignalledByOneOrganisationAreNoFamilyMatch() {
        let first = Examples.signal("100000009", by: Examples.jeugdzorg, parents: ["100000010"])
        let second = Examples.signal("100000034", by: Examples.jeugdzorg, parents: ["100000010"])
        #expect(!MatchRules.isFamilyMatch([first, second]))
    }

    @Test func theCoordinatorIsTheMunicipalitysOrTheFirstSignaller() {
        let first = Examples.signal("123456782", by: Examples.school)
        var second = Examples.signal("123456782", by: Examples.jeugdzorg)
        second = Signal(
            id: second.id,
            municipality: .arnhem,
            subjectKey: second.subjectKey,
            parentKeys: [],
            organisation: second.organisation,
            professional: second.professional,
            birthDate: second.birthDate,
            informed: second.informed,
            registeredAt: Examples.now.addingTimeInterval(60),
            refreshedAt: Examples.now.addingTimeInterval(60),
            removeOn: second.removeOn,
            status: .active,
            removal: nil,
            removedAt: nil,
            deleteOn: nil
        )
        let regie = Examples.politie
        #expect(
            CoordinatorRule.municipality.coordinator(of: [second, first], municipalityCoordinators: [.arnhem: regie], municipality: .arnhem) == regie
        )
        #expect(
            CoordinatorRule.firstSignaller.coordinator(of: [second, first], municipalityCoordinators: [.arnhem: regie], municipality: .arnhem)
                == Examples.school
        )
        #expect(
            CoordinatorRule.municipality.coordinator(of: [second, first], municipalityCoordinators: [:], municipality: .arnhem) == Examples.school
        )
    }
}

@Suite struct AddressRuleTests {
    @Test func anAddressIsNormalisedAndKeyedApartFromABSN() throws {
        #expect(try AddressKey.normalised(postcode: "6811 ab", houseNumber: " 12 a") == "6811AB|12A")
        #expect(throws: ReferralIndexError.invalidAddress("address.postcode")) { try AddressKey.normalised(postcode: "0811AB", houseNumber: "1") }
        #expect(throws: ReferralIndexError.invalidAddress("address.houseNumber")) { try AddressKey.normalised(postcode: "6811AB", houseNumber: "a") }
        #expect(Examples.keyer.key(ofAddress: "6811AB|12A") != Examples.keyer.key(ofAddress: "6811AB|12B"))
    }

    @Test func youngPeopleAtOneAddressAreAFamilyWhenTheAddressLinksThem() {
        let address = Examples.keyer.key(ofAddress: "6811AB|12A")
        var first = Examples.signal("100000009", by: Examples.jeugdzorg)
        first.addressKey = address
        var second = Examples.signal("100000034", by: Examples.school)
        second.addressKey = address
        #expect(MatchRules.family(of: second, among: [first]).count == 1, "parents only: no family")
        let family = MatchRules.family(of: second, among: [first]) { $0.parentKeys + ($0.addressKey.map { [$0] } ?? []) }
        #expect(Set(family.map(\.id)) == [first.id, second.id] && MatchRules.isFamilyMatch(family))
    }
}
