public import Contracts
public import Foundation
public import Storage

/// Huishoudens as whole aggregates: members, informal carers, the coordinator with every
/// hand-over, and the plans. A use case loads one `FOR UPDATE`, lets the domain change it, and
/// saves it in the same transaction.
public enum HouseholdRepository {
    /// Inserts or updates `household`: members and carers are replaced, plans upserted, and
    /// hand-overs not stored yet appended (a hand-over is never changed).
    public static func save(_ household: Household, in tx: Transaction) throws {
        let id = household.id
        let code = household.municipality.rawValue
        try tx.query(
            """
            INSERT INTO households (id, municipality, coordinator) VALUES (\(id), \(code), \(household.coordinator?.rawValue))
            ON CONFLICT (id) DO UPDATE SET coordinator = excluded.coordinator
            WHERE households.municipality = excluded.municipality
            """
        )
        try tx.query("DELETE FROM household_members WHERE household_id = \(id)")
        for (position, member) in household.members.enumerated() {
            try tx.query(
                """
                INSERT INTO household_members (household_id, person_id, municipality, relation, position)
                VALUES (\(id), \(member.personID), \(code), \(member.relation.rawValue), \(position))
                """
            )
        }
        try tx.query("DELETE FROM informal_carers WHERE household_id = \(id)")
        for (position, carer) in household.informalCarers.enumerated() {
            try tx.query(
                """
                INSERT INTO informal_carers (id, household_id, municipality, name, relation, contact, position)
                VALUES (\(carer.id), \(id), \(code), \(carer.name), \(carer.relation), \(carer.contact), \(position))
                """
            )
        }
        for plan in household.endedPlans + [household.activePlan].compactMap({ $0 }) {
            try tx.query(
                """
                INSERT INTO household_plans (id, household_id, municipality, started_at, started_by, ended_at, ended_by)
                VALUES (\(plan.id), \(id), \(code), \(plan.startedAt), \(plan.startedBy.rawValue), \(plan.endedAt),
                    \(plan.endedBy?.rawValue))
                ON CONFLICT (id) DO UPDATE SET ended_at = excluded.ended_at, ended_by = excluded.ended_by
                """
            )
        }
        let stored = try tx.query("SELECT count(*) FROM coordinator_hand_overs WHERE household_id = \(id)").single()
            .decode(Int.self, at: 0)
        for handOver in household.handOvers.dropFirst(stored) {
            try tx.query(
                """
                INSERT INTO coordinator_hand_overs (household_id, municipality, from_staff, to_staff, at, reason, recorded_by)
                VALUES (\(id), \(code), \(handOver.from.rawValue), \(handOver.to.rawValue), \(handOver.at), \(handOver.reason),
                    \(handOver.recordedBy.rawValue))
                """
            )
        }
    }

    /// The household `id` of `municipality`; `forUpdate` locks it for the transaction.
    public static func find(
        id: UUID,
        municipality: MunicipalityCode,
        forUpdate: Bool = false,
        in tx: Transaction
    )
        throws -> Household?
    {
        let lock = forUpdate ? SQLFragment("FOR UPDATE") : SQLFragment("")
        guard
            let row = try tx.query(
                "SELECT id, coordinator FROM households WHERE id = \(id) AND municipality = \(municipality.rawValue) \(lock)"
            ).rows.first
        else { return nil }
        return try load(row, municipality: municipality, in: tx)
    }

    /// The id of the household `personID` belongs to, if any.
    public static func householdID(
        ofPerson personID: UUID,
        municipality: MunicipalityCode,
        in tx: Transaction
    ) throws
        -> UUID?
    {
        try tx.query(
            """
            SELECT household_id FROM household_members
            WHERE person_id = \(personID) AND municipality = \(municipality.rawValue)
            """
        ).rows.first?.decode(UUID.self, "household_id")
    }

    private static func load(_ row: Row, municipality: MunicipalityCode, in tx: Transaction) throws -> Household {
        let id = try row.decode(UUID.self, "id")
        let members = try tx.query(
            "SELECT person_id, relation FROM household_members WHERE household_id = \(id) ORDER BY position"
        ).rows.map { HouseholdMember(personID: try $0.decode(UUID.self, "person_id"), relation: try $0.value(HouseholdRelation.self, "relation")) }
        let carers = try tx.query(
            "SELECT id, name, relation, contact FROM informal_carers WHERE household_id = \(id) ORDER BY position"
        ).rows.map {
            InformalCarer(
                id: try $0.decode(UUID.self, "id"),
                name: try $0.decode(String.self, "name"),
                relation: try $0.decode(String.self, "relation"),
                contact: try $0.decode(String.self, "contact")
            )
        }
        let plans = try tx.query(
            "SELECT id, started_at, started_by, ended_at, ended_by FROM household_plans WHERE household_id = \(id) ORDER BY started_at"
        ).rows.map {
            HouseholdPlan(
                id: try $0.decode(UUID.self, "id"),
                startedAt: try $0.decode(Date.self, "started_at"),
                startedBy: StaffID(try $0.decode(String.self, "started_by")),
                endedAt: try $0.decodeIfPresent(Date.self, "ended_at"),
                endedBy: try $0.decodeIfPresent(String.self, "ended_by").map(StaffID.init(rawValue:))
            )
        }
        let handOvers = try tx.query(
            "SELECT from_staff, to_staff, at, reason, recorded_by FROM coordinator_hand_overs WHERE household_id = \(id) ORDER BY id"
        ).rows.map {
            CoordinatorHandOver(
                from: StaffID(try $0.decode(String.self, "from_staff")),
                to: StaffID(try $0.decode(String.self, "to_staff")),
                at: try $0.decode(Date.self, "at"),
                reason: try $0.decode(String.self, "reason"),
                recordedBy: StaffID(try $0.decode(String.self, "recorded_by"))
            )
        }
        return Household(
            id: id,
            municipality: municipality,
            members: members,
            informalCarers: carers,
            coordinator: try row.decodeIfPresent(String.self, "coordinator").map(StaffID.init(rawValue:)),
            handOvers: handOvers,
            activePlan: plans.first { $0.isActive },
            endedPlans: plans.filter { !$0.isActive }
        )
    }
}
