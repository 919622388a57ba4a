import Contracts
public import Foundation
import Storage

/// A household as staff see it: the aggregate plus the members' names.
public struct HouseholdView: Sendable, Codable {
    /// The household.
    public var household: Household
    /// Display name per member, keyed by the person id (lowercase).
    public var memberNames: [String: String]
}

/// A change to a household (één gezin, één plan, één regisseur).
public enum HouseholdChange: Sendable, Codable, Hashable {
    /// Add a registered person with their relation.
    case addMember(personId: UUID, relation: HouseholdRelation)
    /// Add an informal carer (mantelzorger).
    case addInformalCarer(name: String, relation: String, contact: String)
    /// Assign the first coordinator.
    case assignCoordinator(staffId: String)
    /// Hand over to another coordinator, with a reason.
    case handOver(staffId: String, reason: String)
    /// Start the one plan.
    case startPlan
    /// End the active plan.
    case endPlan
}

extension FrontDeskService {
    /// Creates a household around `personID` (the principal member).
    public func createHousehold(principal personID: UUID, by staff: StaffMember) async throws -> HouseholdView {
        try staff.require(.casework)
        let now = clock()
        return try await transaction { tx in
            guard try PersonRepository.find(id: personID, municipality: staff.municipality, in: tx) != nil else {
                throw FrontDeskError.personNotFound
            }
            guard try HouseholdRepository.householdID(ofPerson: personID, municipality: staff.municipality, in: tx) == nil
            else { throw FrontDeskError.memberAlreadyInHousehold }
            var household = Household(municipality: staff.municipality)
            try household.addMember(HouseholdMember(personID: personID, relation: .principal))
            try HouseholdRepository.save(household, in: tx)
            return try view(household, by: staff, at: now, in: tx)
        }
    }

    /// The household of a person, if any; every member's record is logged as seen.
    public func household(ofPerson personID: UUID, by staff: StaffMember) async throws -> HouseholdView? {
        try staff.require(.casework)
        let now = clock()
        return try await transaction { tx in
            guard
                let id = try HouseholdRepository.householdID(ofPerson: personID, municipality: staff.municipality, in: tx),
                let household = try HouseholdRepository.find(id: id, municipality: staff.municipality, in: tx)
            else { return nil }
            return try view(household, by: staff, at: now, in: tx)
        }
    }

    /// Applies one change. Coordinator, hand-over and plan need the coordination permission;
    /// hand-over and plan changes also need to be the current coordinator, or a team lead
    /// (need to know).
    public func changeHousehold(_ id: UUID, _ change: HouseholdChange, by staff: StaffMember) async throws -> HouseholdView {
        try staff.require(.casework)
        switch change {
        case .assignCoordinator, .handOver, .startPlan, .endPlan: try staff.require(.coordination)
        case .addMember, .addInformalCarer: break
        }
        let now = clock()
        return try await transaction { tx in
            guard var household = try HouseholdRepository.find(id: id, municipality: staff.municipality, forUpdate: true, in: tx)
            else { throw FrontDeskError.householdNotFound }
            switch change {
            case .handOver, .startPlan, .endPlan: try household.requireCoordinator(staff)
            case .addMember, .addInformalCarer, .assignCoordinator: break
            }
            switch change {
            case .addMember(let personID, let relation):
                guard try PersonRepository.find(id: personID, municipality: staff.municipality, in: tx) != nil else {
                    throw FrontDeskError.personNotFound
                }
                if let other = try HouseholdRepository.householdID(ofPerson: personID, municipality: staff.municipality, in: tx),
                    other != id
                {
                    throw FrontDeskError.memberAlreadyInHousehold
                }
                try household.addMember(HouseholdMember(personID: personID, relation: relation))
            case .addInformalCarer(let name, let relation, let contact):
                try household.addInformalCarer(InformalCarer(name: name, relation: relation, contact: contact))
            case .assignCoordinator(let staffID):
                try household.assignCoordinator(try colleague(staffID, of: staff, in: tx))
            case .handOver(let staffID, let reason):
                try household.handOver(to: try colleague(staffID, of: staff, in: tx), at: now, reason: reason, recordedBy: staff.id)
            case .startPlan:
                try household.startPlan(at: now, by: staff.id)
            case .endPlan:
                try household.endPlan(at: now, by: staff.id)
            }
            try HouseholdRepository.save(household, in: tx)
            return try view(household, by: staff, at: now, in: tx)
        }
    }

    /// A coordinator must be a staff member of the same municipality with the coordination role.
    private func colleague(_ username: String, of staff: StaffMember, in tx: Transaction) throws -> StaffID {
        guard let account = try StaffRepository.find(username: username, in: tx), account.isActive,
            account.staff.municipality == staff.municipality, account.staff.role.permissions.contains(.coordination)
        else { throw FrontDeskError.notACoordinator(username) }
        return account.staff.id
    }

    private func view(_ household: Household, by staff: StaffMember, at now: Date, in tx: Transaction) throws -> HouseholdView {
        var names: [String: String] = [:]
        for member in household.members {
            guard let person = try PersonRepository.find(id: member.personID, municipality: staff.municipality, in: tx) else {
                continue
            }
            names[person.id.uuidString.lowercased()] = person.displayName
            try log(.viewHousehold, person: person.id, by: staff, context: "huishouden \(household.id)", at: now, in: tx)
        }
        return HouseholdView(household: household, memberNames: names)
    }
}
