import Contracts
import Matching
import Testing

@Suite struct InputRuleTests {
    @Test func availabilityNeedsKnownSlotsAndAtLeastOne() throws {
        let week = try WeeklyAvailability(slots: ["monday-morning", "sunday-evening"], field: "availability")
        #expect(week.slots == ["monday-morning", "sunday-evening"])
        #expect(week.slotCount == 2)
        #expect(throws: MatchingError.invalidAvailability(field: "availability", "")) {
            try WeeklyAvailability(slots: [], field: "availability")
        }
        #expect(throws: MatchingError.invalidAvailability(field: "availability", "monday-night")) {
            try WeeklyAvailability(slots: ["monday-night"], field: "availability")
        }
    }

    @Test func freeTextWithABSNIsRefused() throws {
        #expect(FreeText.containsBSN("Meneer met BSN 1112.22.333 zoekt hulp"))
        #expect(FreeText.containsBSN("111222333"))
        #expect(!FreeText.containsBSN("Bel 026 123 4567 op maandag"))
        #expect(throws: MatchingError.identifyingText(field: "question")) { try FreeText.checked("bsn 111222333", field: "question") }
        #expect(try FreeText.checked("  Boodschappen op maandag  ", field: "question") == "Boodschappen op maandag")
        #expect(throws: MatchingError.invalidText(field: "question", 1...4000)) { try FreeText.checked("   ", field: "question") }
    }

    @Test func postcodesAndDistrictsResolveWithinTheMunicipality() throws {
        let map = Examples.map
        #expect(map.place(postcode: "6826 AB", in: .arnhem)?.district == "Presikhaaf")
        #expect(map.place(postcode: "6826", in: .nijmegen) == nil, "an Arnhem postcode is not in Nijmegen")
        #expect(map.place(district: " presikhaaf ", in: .arnhem)?.district == "Presikhaaf")
        #expect(DistrictMap.area(of: "6826AB") == "6826")
        #expect(DistrictMap.area(of: "0826 AB") == nil)
        #expect(DistrictMap.area(of: "6826 A1") == nil)
    }

    @Test func contactsNeedANameAndAWayToReachThem() {
        #expect(throws: MatchingError.self) { try PersonalContact(name: "Anna", phone: nil, email: nil) }
        #expect(throws: MatchingError.self) { try PersonalContact(name: "Anna", phone: "12", email: nil) }
        #expect(throws: MatchingError.self) { try PersonalContact(name: "Anna", phone: nil, email: "anna-at-example") }
        #expect((try? PersonalContact(name: "Anna de Vries", phone: "026-1234567", email: nil))?.firstName == "Anna")
    }
}
