public import Contracts
public import Foundation
public import Storage
import StoredVocabulary
public import WorkingDays

/// Indicatieaanvragen, one per request of the desk and municipality.
public enum CaseRepository {
    static let columns = SQLFragment(
        """
        id, request_id, municipality, subject_ref, adults, children, informal_carers, question, findings, \
        domains, urgency, received_at, application_day, decision_due, status, route, assignee, profile, advice, \
        reindications, decided_at
        """
    )
    static let forUpdate = SQLFragment(" FOR UPDATE")
    static let noLock = SQLFragment("")

    /// Stores a new case (queued: it goes with the transaction's next statement); the
    /// municipality's existing case for the request stays as it is.
    public static func insert(_ item: IndicationCase, in tx: Transaction) throws {
        try tx.executeLater(
            """
            INSERT INTO cases (\(columns)) VALUES (
                \(item.id), \(item.requestID), \(item.municipality.rawValue), \(item.subjectRef.rawValue),
                \(item.household.adults), \(item.household.children), \(item.household.informalCarers),
                \(item.question), \(item.findings), \(item.domains.map(\.rawValue))::text[], \(item.urgency.rawValue),
                \(item.receivedAt), \(item.applicationDay.description)::date, \(item.decisionDue.description)::date,
                \(item.status.rawValue), \(item.route.rawValue), \(item.assignee?.rawValue),
                \(try item.profile.map(StoredJSON.text))::jsonb, \(try item.advice.map(StoredJSON.text))::jsonb,
                \(item.reindications), \(item.decidedAt))
            ON CONFLICT (municipality, request_id) DO NOTHING
            """
        )
    }

    /// Writes the case's changeable fields.
    public static func save(_ item: IndicationCase, in tx: Transaction) throws {
        tx.executeLater(
            """
            UPDATE cases SET decision_due = \(item.decisionDue.description)::date, status = \(item.status.rawValue),
                route = \(item.route.rawValue), assignee = \(item.assignee?.rawValue),
                profile = \(try item.profile.map(StoredJSON.text))::jsonb, advice = \(try item.advice.map(StoredJSON.text))::jsonb,
                reindications = \(item.reindications), decided_at = \(item.decidedAt)
            WHERE id = \(item.id)
            """
        )
    }

    /// The case with `id` in `municipality`.
    public static func find(id: UUID, municipality: MunicipalityCode, forUpdate: Bool = false, in tx: Transaction) throws -> IndicationCase? {
        try tx.query(
            "SELECT \(columns) FROM cases WHERE id = \(id) AND municipality = \(municipality.rawValue)\(forUpdate ? Self.forUpdate : Self.noLock)"
        ).rows.first.map(indicationCase)
    }

    /// The case of the desk's request `requestID` in `municipality`.
    public static func find(
        requestID: UUID,
        municipality: MunicipalityCode,
        forUpdate: Bool = false,
        in tx: Transaction
    ) throws -> IndicationCase? {
        try tx.query(
            """
            SELECT \(columns) FROM cases WHERE request_id = \(requestID) AND municipality = \(municipality.rawValue)\(forUpdate ? Self.forUpdate : Self.noLock)
            """
        ).rows.first.map(indicationCase)
    }

    /// The municipality's cases that need an assessor: not decided, or decided with a failed
    /// informal line or a review within `reviewHorizon` days; most urgent first.
    public static func workList(
        municipality: MunicipalityCode,
        expertiseTeam: Bool = false,
        today: LocalDate,
        reviewHorizon: Int,
        limit: Int,
        in tx: Transaction
    ) throws
        -> [IndicationCase]
    {
        let horizon = today.adding(days: reviewHorizon).description
        return try tx.query(
            """
            SELECT \(columns) FROM cases c
            WHERE c.municipality = \(municipality.rawValue) AND (c.route = 'expertise-team') = \(expertiseTeam) AND (
                c.status <> 'decided'
                OR EXISTS (SELECT 1 FROM arrangement_lines l WHERE l.case_id = c.id AND l.status = 'failed')
                OR EXISTS (SELECT 1 FROM provider_requests r WHERE r.case_id = c.id
                           AND r.status IN ('received', 'under-investigation'))
                OR EXISTS (SELECT 1 FROM allocations a WHERE a.case_id = c.id
                           AND (a.status = 'rejected' OR (a.status = 'issued' AND a.escalated_at IS NOT NULL)))
                OR EXISTS (SELECT 1 FROM decisions d WHERE d.case_id = c.id AND d.review_day <= \(horizon)::date
                           AND d.decided_at = (SELECT max(decided_at) FROM decisions WHERE case_id = c.id)))
            ORDER BY CASE c.urgency WHEN 'crisis' THEN 0 WHEN 'high' THEN 1 ELSE 2 END, c.decision_due, c.received_at
            LIMIT \(limit)
            """
        ).rows.map(indicationCase)
    }

    static func indicationCase(_ row: Row) throws -> IndicationCase {
        IndicationCase(
            id: try row.decode(UUID.self, "id"),
            requestID: try row.decode(UUID.self, "request_id"),
            municipality: try row.municipality(),
            subjectRef: SubjectRef(try row.decode(UUID.self, "subject_ref")),
            household: HouseholdSummary(
                adults: try row.decode(Int.self, "adults"),
                children: try row.decode(Int.self, "children"),
                informalCarers: try row.decode(Int.self, "informal_carers")
            ),
            question: try row.decode(String.self, "question"),
            findings: try row.decode(String.self, "findings"),
            domains: try row.values(LifeDomain.self, "domains"),
            urgency: try row.value(Urgency.self, "urgency"),
            receivedAt: try row.decode(Date.self, "received_at"),
            applicationDay: try row.localDate("application_day"),
            decisionDue: try row.localDate("decision_due"),
            status: try row.value(IndicationCase.Status.self, "status"),
            route: try row.value(AssessmentRoute.self, "route"),
            assignee: try row.decodeIfPresent(String.self, "assignee").map(AssessorID.init),
            profile: try row.optionalJSON(ProfileChoice.self, "profile"),
            advice: try row.optionalJSON(Advice.self, "advice"),
            reindications: try row.decode(Int.self, "reindications"),
            decidedAt: try row.decodeIfPresent(Date.self, "decided_at")
        )
    }
}
