import Contracts
import Foundation
import Testing

@testable import FrontDesk

@Suite("Household: one plan, one coordinator")
struct HouseholdTests {
    let time = Fixtures.at(2026, 3, 2)

    @Test("members are unique and there is one principal")
    func members() throws {
        var household = Household(municipality: .arnhem)
        let me = UUID()
        try household.addMember(HouseholdMember(personID: me, relation: .principal))
        try household.addMember(HouseholdMember(personID: UUID(), relation: .partner))
        #expect(throws: FrontDeskError.memberAlreadyInHousehold) {
            try household.addMember(HouseholdMember(personID: me, relation: .child))
        }
        #expect(throws: FrontDeskError.principalAlreadySet) {
            try household.addMember(HouseholdMember(personID: UUID(), relation: .principal))
        }
        #expect(household.members.count == 2)
        #expect(household.principal?.personID == me)
    }

    @Test("informal carers are checked")
    func carers() throws {
        var household = Household(municipality: .arnhem)
        try household.addInformalCarer(InformalCarer(name: "Els", relation: "dochter", contact: "06-12345678"))
        #expect(throws: FrontDeskError.missingField(field: "carerName", label: "Naam mantelzorger")) {
            try household.addInformalCarer(InformalCarer(name: "", relation: "buurman", contact: "026 1234567"))
        }
        #expect(household.informalCarers.count == 1)
    }

    @Test("a second coordinator is refused; a change is a recorded hand-over")
    func coordinator() throws {
        var household = Household(municipality: .arnhem)
        #expect(throws: FrontDeskError.noCoordinator) {
            try household.handOver(to: Fixtures.bram, at: time, reason: "verlof", recordedBy: Fixtures.anna)
        }
        try household.assignCoordinator(Fixtures.anna)
        #expect(throws: FrontDeskError.coordinatorAlreadyAssigned(current: Fixtures.anna)) {
            try household.assignCoordinator(Fixtures.bram)
        }
        #expect(throws: FrontDeskError.handOverToSameCoordinator) {
            try household.handOver(to: Fixtures.anna, at: time, reason: "x", recordedBy: Fixtures.anna)
        }
        #expect(throws: FrontDeskError.missingField(field: "handOverReason", label: "Reden van de overdracht")) {
            try household.handOver(to: Fixtures.bram, at: time, reason: " ", recordedBy: Fixtures.anna)
        }
        let record = try household.handOver(
            to: Fixtures.bram,
            at: time,
            reason: "Zwangerschapsverlof",
            recordedBy: Fixtures.anna
        )
        #expect(household.coordinator == Fixtures.bram)
        #expect(record.from == Fixtures.anna && record.to == Fixtures.bram && record.at == time)
        #expect(household.handOvers == [record])
    }

    @Test("at most one active plan, started by the coordinator")
    func plan() throws {
        var household = Household(municipality: .arnhem)
        #expect(throws: FrontDeskError.noCoordinator) { try household.startPlan(at: time) }
        try household.assignCoordinator(Fixtures.anna)
        let plan = try household.startPlan(at: time)
        #expect(plan.startedBy == Fixtures.anna)
        #expect(throws: FrontDeskError.activePlanExists) { try household.startPlan(at: time) }
        try household.endPlan(at: time.addingTimeInterval(3600), by: Fixtures.anna)
        #expect(household.activePlan == nil)
        #expect(household.endedPlans.map(\.id) == [plan.id])
        #expect(household.endedPlans.first?.endedBy == Fixtures.anna)
        #expect(throws: FrontDeskError.noActivePlan) { try household.endPlan(at: time, by: Fixtures.anna) }
        let second = try household.startPlan(at: time.addingTimeInterval(7200))
        #expect(household.activePlan == second)
    }

    /// Defect: any coordinator could change another coordinator's household plan or hand it over.
    @Test("only the current coordinator or a team lead changes the plan or hands over")
    func needToKnow() throws {
        var household = Household(municipality: .arnhem)
        let anna = StaffMember(id: Fixtures.anna, municipality: .arnhem, displayName: "Anna", role: .coordinator)
        let bram = StaffMember(id: Fixtures.bram, municipality: .arnhem, displayName: "Bram", role: .coordinator)
        let lead = StaffMember(id: "lotte", municipality: .arnhem, displayName: "Lotte", role: .teamLead)
        #expect(throws: FrontDeskError.notTheCoordinator(current: nil)) { try household.requireCoordinator(anna) }
        try household.assignCoordinator(Fixtures.anna)
        try household.requireCoordinator(anna)
        #expect(throws: FrontDeskError.notTheCoordinator(current: Fixtures.anna)) { try household.requireCoordinator(bram) }
        try household.requireCoordinator(lead)
        #expect(FrontDeskError.notTheCoordinator(current: Fixtures.anna).httpStatus == 403)
    }
}
