import Contracts
import Foundation
import FrontDesk
import TestKit
import Testing

extension FrontDeskIntegration {
    /// One household, one plan, one coordinator (SPEC P3), stored and reloaded; the indication
    /// request describes the household without identities.
    @Suite
    struct HouseholdTests {
        @Test func aHouseholdGetsOneCoordinatorOnePlanAndARecordedHandOver() async throws {
            let fixture = try await FrontDeskFixture.make("household")
            try await fixture.run {
                let anna = fixture.arnhemStaff
                let (bram, carla) = (fixture.coordinators[0], fixture.coordinators[1])
                let mother = try await fixture.registerPerson()
                let child = try await fixture.service.registerPerson(
                    PersonInput(
                        bsn: "111222333",
                        givenNames: "Lotte",
                        familyName: "Berg",
                        // Ten years old whenever the test runs (a fixed year would turn the child into an adult).
                        birthDate: "\(Calendar(identifier: .gregorian).component(.year, from: Date()) - 10)-06-01",
                        phone: "026 123 45 67"
                    ),
                    by: anna
                )
                let created = try await fixture.service.createHousehold(principal: mother.id, by: anna)
                let id = created.household.id
                _ = try await fixture.service.changeHousehold(id, .addMember(personId: child.id, relation: .child), by: anna)
                _ = try await fixture.service.changeHousehold(
                    id,
                    .addInformalCarer(name: "Oma Berg", relation: "grootmoeder", contact: "026 111 22 33"),
                    by: anna
                )
                await #expect(throws: FrontDeskError.notPermitted(action: StaffPermission.coordination.dutchName)) {
                    try await fixture.service.changeHousehold(id, .assignCoordinator(staffId: bram.id.rawValue), by: anna)
                }
                await #expect(throws: FrontDeskError.notACoordinator(anna.id.rawValue)) {
                    try await fixture.service.changeHousehold(id, .assignCoordinator(staffId: anna.id.rawValue), by: bram)
                }
                _ = try await fixture.service.changeHousehold(id, .assignCoordinator(staffId: bram.id.rawValue), by: bram)
                _ = try await fixture.service.changeHousehold(id, .startPlan, by: bram)
                await #expect(throws: FrontDeskError.activePlanExists) {
                    try await fixture.service.changeHousehold(id, .startPlan, by: bram)
                }
                // Need to know: another coordinator may not change bram's plan or hand it over.
                await #expect(throws: FrontDeskError.notTheCoordinator(current: bram.id)) {
                    try await fixture.service.changeHousehold(id, .endPlan, by: carla)
                }
                await #expect(throws: FrontDeskError.notTheCoordinator(current: bram.id)) {
                    try await fixture.service.changeHousehold(id, .handOver(staffId: carla.id.rawValue, reason: "Zelf"), by: carla)
                }
                _ = try await fixture.service.changeHousehold(
                    id,
                    .handOver(staffId: carla.id.rawValue, reason: "Verlof"),
                    by: bram
                )
                // A team lead may step in; ending the plan records who did.
                let lead = StaffMember(id: StaffID("lead.\(fixture.schema)"), municipality: .arnhem, displayName: "Lead", role: .teamLead)
                let ended = try await fixture.service.changeHousehold(id, .endPlan, by: lead)
                #expect(ended.household.endedPlans.first?.endedBy == lead.id)
                // Started by a team lead stepping in: recorded as the team lead, not the coordinator.
                let restarted = try await fixture.service.changeHousehold(id, .startPlan, by: lead)
                #expect(restarted.household.activePlan?.startedBy == lead.id)
                _ = try await fixture.service.changeHousehold(id, .endPlan, by: carla)
                _ = try await fixture.service.changeHousehold(id, .startPlan, by: carla)

                let view = try #require(try await fixture.service.household(ofPerson: child.id, by: anna))
                #expect(view.household.members.map(\.relation) == [.principal, .child])
                #expect(view.household.informalCarers.map(\.name) == ["Oma Berg"])
                #expect(view.household.coordinator == carla.id)
                #expect(view.household.handOvers.map(\.reason) == ["Verlof"])
                #expect(view.household.activePlan?.startedBy == carla.id)
                #expect(view.memberNames[child.id.uuidString.lowercased()] == "Lotte Berg")
                await #expect(throws: FrontDeskError.householdNotFound) {
                    try await fixture.service.changeHousehold(
                        id,
                        .addInformalCarer(name: "X", relation: "buur", contact: "x@example.nl"),
                        by: fixture.nijmegenStaff
                    )
                }

                let request = try await fixture.clarifiedRequest(for: mother)
                _ = try await fixture.service.requestIndication(request.id, IndicationInput(findings: "—"), by: anna)
                let asked = try #require(try await fixture.observedEvents(1, about: request.id).first)
                let payload = try ContractJSON.decoder().decode(Envelope<IndicationRequested>.self, from: asked.body).payload
                #expect(payload.household == HouseholdSummary(adults: 1, children: 1, informalCarers: 1))
                #expect(!String(decoding: asked.body, as: UTF8.self).contains("Lotte"))
            }
        }
    }
}
