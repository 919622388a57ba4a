public import Contracts
public import Foundation

/// Huishouden: the people living together, the informal carers around them, their one
/// coordinator and their one active plan (SPEC P3: "één gezin, één plan, één regisseur").
///
/// The rules are kept by the mutating methods: at most one active plan, at most one coordinator,
/// and once a coordinator is assigned the only way to change it is a recorded hand-over.
public struct Household: Sendable, Hashable, Codable, Identifiable {
    /// Id of the household.
    public var id: UUID
    /// The municipality the household belongs to (SPEC P6).
    public var municipality: MunicipalityCode
    /// Gezinsleden, each at most once.
    public private(set) var members: [HouseholdMember]
    /// Mantelzorgers.
    public private(set) var informalCarers: [InformalCarer]
    /// Regisseur: the coordinator, the household's single point of contact.
    public private(set) var coordinator: StaffID?
    /// Every hand-over so far, oldest first.
    public private(set) var handOvers: [CoordinatorHandOver]
    /// The one active plan, if any.
    public private(set) var activePlan: HouseholdPlan?
    /// Earlier plans, oldest first.
    public private(set) var endedPlans: [HouseholdPlan]

    /// Creates a household as stored (no checks beyond the types); use the methods to change it.
    public init(
        id: UUID = UUID(),
        municipality: MunicipalityCode,
        members: [HouseholdMember] = [],
        informalCarers: [InformalCarer] = [],
        coordinator: StaffID? = nil,
        handOvers: [CoordinatorHandOver] = [],
        activePlan: HouseholdPlan? = nil,
        endedPlans: [HouseholdPlan] = []
    ) {
        self.id = id
        self.municipality = municipality
        self.members = members
        self.informalCarers = informalCarers
        self.coordinator = coordinator
        self.handOvers = handOvers
        self.activePlan = activePlan
        self.endedPlans = endedPlans
    }

    /// The principal member (relation `self`), if recorded.
    public var principal: HouseholdMember? { members.first { $0.relation == .principal } }

    /// Adds a member.
    /// - Throws: `.memberAlreadyInHousehold` when the person is already a member,
    ///   `.principalAlreadySet` when adding a second principal.
    public mutating func addMember(_ member: HouseholdMember) throws(FrontDeskError) {
        guard !members.contains(where: { $0.personID == member.personID }) else { throw .memberAlreadyInHousehold }
        if member.relation == .principal, principal != nil { throw .principalAlreadySet }
        members.append(member)
    }

    /// Removes a member (moved out, deceased); does nothing when the person is not a member.
    public mutating func removeMember(personID: UUID) {
        members.removeAll { $0.personID == personID }
    }

    /// Adds an informal carer.
    /// - Throws: the first field problem of the carer (missing or too long name, relation, contact).
    public mutating func addInformalCarer(_ carer: InformalCarer) throws(FrontDeskError) {
        if let problem = carer.problems().first { throw problem }
        informalCarers.append(carer)
    }

    /// Removes an informal carer; does nothing for an unknown id.
    public mutating func removeInformalCarer(id: UUID) {
        informalCarers.removeAll { $0.id == id }
    }

    /// Assigns the first coordinator.
    /// - Throws: `.coordinatorAlreadyAssigned` when there is one: changing it is a hand-over.
    public mutating func assignCoordinator(_ staff: StaffID) throws(FrontDeskError) {
        if let current = coordinator { throw .coordinatorAlreadyAssigned(current: current) }
        coordinator = staff
    }

    /// Hands the household over to another coordinator and records who, when and why.
    /// - Throws: `.noCoordinator` when none is assigned yet (use `assignCoordinator`),
    ///   `.handOverToSameCoordinator`, or `.missingField`/`.fieldTooLong` for the reason.
    @discardableResult
    public mutating func handOver(
        to successor: StaffID,
        at time: Date,
        reason: String,
        recordedBy: StaffID
    ) throws(FrontDeskError) -> CoordinatorHandOver {
        guard let current = coordinator else { throw .noCoordinator }
        guard current != successor else { throw .handOverToSameCoordinator }
        if let problem = FieldRules.text(
            reason,
            field: "handOverReason",
            label: "Reden van de overdracht",
            max: FieldRules.maxReasonLength
        ).first {
            throw problem
        }
        let record = CoordinatorHandOver(from: current, to: successor, at: time, reason: reason, recordedBy: recordedBy)
        handOvers.append(record)
        coordinator = successor
        return record
    }

    /// Need to know: only the current coordinator changes the plan or hands the household over;
    /// a team lead (`overrideCoordinator`) may step in. Anyone with `coordination` may assign
    /// the first coordinator.
    /// - Throws: `.notTheCoordinator` naming the current one.
    public func requireCoordinator(_ staff: StaffMember) throws(FrontDeskError) {
        if staff.role.permissions.contains(.overrideCoordinator) { return }
        guard let coordinator, coordinator == staff.id else { throw .notTheCoordinator(current: coordinator) }
    }

    /// Starts the household's plan, written by its coordinator.
    /// - Throws: `.noCoordinator` when no coordinator is assigned, `.activePlanExists` when a plan
    ///   is already active (one household, one plan).
    @discardableResult
    /// - Parameter staff: who starts it (a team lead stepping in is recorded as themself);
    ///   the coordinator when `nil`.
    public mutating func startPlan(id: UUID = UUID(), at time: Date, by staff: StaffID? = nil) throws(FrontDeskError) -> HouseholdPlan {
        guard let coordinator else { throw .noCoordinator }
        guard activePlan == nil else { throw .activePlanExists }
        let plan = HouseholdPlan(id: id, startedAt: time, startedBy: staff ?? coordinator)
        activePlan = plan
        return plan
    }

    /// Ends the active plan; its access grants end with it. Records who ended it.
    /// - Throws: `.noActivePlan` when there is none.
    public mutating func endPlan(at time: Date, by staff: StaffID) throws(FrontDeskError) {
        guard var plan = activePlan else { throw .noActivePlan }
        plan.endedAt = time
        plan.endedBy = staff
        endedPlans.append(plan)
        activePlan = nil
    }
}
