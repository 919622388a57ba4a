import Contracts
import Foundation
import ReferralIndex
import TestKit
import Testing

extension ReferralIndexIntegration {
    /// The second family rule (off by default): young people at one address, signalled by two
    /// organisations, form a family match, unless the address is on the municipality's register
    /// of excluded addresses (a shelter). Without the rule the index keeps no address at all.
    @Suite
    struct AddressRuleTests {
        static func input(_ bsn: String, postcode: String, number: String) -> SignalInput {
            SignalInput(
                bsn: bsn,
                birthDate: "2011-05-01",
                address: .init(postcode: postcode, houseNumber: number),
                youngPersonInformed: true,
                parentsInformed: true
            )
        }

        @Test func youngPeopleAtOneAddressFormAFamilyUnlessItIsExcluded() async throws {
            let fixture = try await ReferralIndexFixture.make("address_rule", matchesAddresses: true)
            try await fixture.run {
                let sanne = try await fixture.account("sanne", role: .professional, organisation: fixture.jeugdzorg)
                let joost = try await fixture.account("joost", role: .professional, organisation: fixture.school)
                let carla = try await fixture.account("carla", role: .coordinator)
                _ = try await fixture.service.register(Self.input("100000009", postcode: "6811 AB", number: "12a"), by: sanne)
                let family = try await fixture.service.register(Self.input("100000034", postcode: "6811AB", number: "12 A"), by: joost)
                #expect(family.matches.map(\.kind) == ["family"] && family.matches.first?.youngPeople == 2)

                _ = try await fixture.service.excludeAddress(
                    ExcludedAddressInput(postcode: "6822 CD", houseNumber: "1", description: "Opvang De Haven"),
                    by: carla
                )
                #expect(try await fixture.service.excludedAddresses(by: carla).map(\.description) == ["Opvang De Haven"])
                _ = try await fixture.service.register(Self.input("100000046", postcode: "6822CD", number: "1"), by: sanne)
                let shelter = try await fixture.service.register(Self.input("100000058", postcode: "6822CD", number: "1"), by: joost)
                #expect(shelter.matches.isEmpty, "an excluded address makes no family")
                await #expect(throws: ReferralIndexError.notPermitted("keep the register of excluded addresses")) {
                    try await fixture.service.excludeAddress(
                        ExcludedAddressInput(postcode: "6811AB", houseNumber: "12a", description: "Huis"),
                        by: sanne
                    )
                }
            }
        }

        @Test func withoutTheRuleNoAddressIsKept() async throws {
            let fixture = try await ReferralIndexFixture.make("address_off")
            try await fixture.run {
                let sanne = try await fixture.account("sanne", role: .professional, organisation: fixture.jeugdzorg)
                let joost = try await fixture.account("joost", role: .professional, organisation: fixture.school)
                _ = try await fixture.service.register(Self.input("100000009", postcode: "6811AB", number: "12"), by: sanne)
                let second = try await fixture.service.register(Self.input("100000034", postcode: "6811AB", number: "12"), by: joost)
                #expect(second.matches.isEmpty)
                #expect(await fixture.count("SELECT count(*) FROM signals WHERE address_key IS NOT NULL") == 0)
            }
        }
    }
}
