public import Contracts
public import Foundation
public import Storage
import StoredVocabulary

/// Hulpvragen with their routes. A request is saved whole (row plus routes); a use case loads
/// it `FOR UPDATE`, lets the domain change it, and saves it in the same transaction.
public enum RequestRepository {
    static let columns = SQLFragment(
        """
        id, municipality, person_id, kind, channel, source, categories, text, clarified_question, urgency, status,
        handler, team, received_at, updated_at, closed_at, outcome, close_reason, complaints_committee
        """
    )

    /// Inserts or updates `request`, its routes (never removed) and its terms, then refreshes
    /// its work-list columns.
    public static func save(_ request: HelpRequest, in tx: Transaction) throws {
        try tx.query(
            """
            INSERT INTO requests (\(columns), terms_version) VALUES (
                \(request.id), \(request.municipality.rawValue), \(request.personID), \(request.kind.rawValue),
                \(request.channel.rawValue), \(request.source.rawValue), \(request.categories.rawValues),
                \(request.text), \(request.clarifiedQuestion), \(request.urgency.rawValue), \(request.status.rawValue),
                \(request.handler?.rawValue), \(request.team?.rawValue), \(request.receivedAt), \(request.updatedAt),
                \(request.closedAt), \(request.outcome?.rawValue), \(request.closeReason), \(request.complaintsCommittee), 1)
            ON CONFLICT (id) DO UPDATE SET
                person_id = excluded.person_id, categories = excluded.categories, text = excluded.text,
                clarified_question = excluded.clarified_question, urgency = excluded.urgency, status = excluded.status,
                handler = excluded.handler, team = excluded.team, updated_at = excluded.updated_at,
                closed_at = excluded.closed_at, outcome = excluded.outcome, close_reason = excluded.close_reason,
                complaints_committee = excluded.complaints_committee
            WHERE requests.municipality = excluded.municipality
            """
        )
        for (position, route) in request.routes.enumerated() {
            try tx.query(
                """
                INSERT INTO request_routes (id, request_id, municipality, position, kind, partner_id, state, opened_at,
                    updated_at, finished_at, note)
                VALUES (\(route.id), \(request.id), \(request.municipality.rawValue), \(position), \(route.kind.rawValue),
                    \(route.partnerID?.rawValue), \(route.state.rawValue), \(route.openedAt), \(route.updatedAt),
                    \(route.finishedAt), \(route.note))
                ON CONFLICT (id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at,
                    finished_at = excluded.finished_at, note = excluded.note
                """
            )
        }
        if !request.deadlines.isEmpty {
            let deadlines = request.deadlines
            try tx.query(
                """
                INSERT INTO request_deadlines (request_id, municipality, kind, start_day, due_day, met_on)
                SELECT \(request.id), \(request.municipality.rawValue), kind, start_day::date, due_day::date,
                    nullif(met_on, '')::date
                FROM unnest(\(deadlines.map(\.kind.rawValue))::text[], \(deadlines.map(\.startDay.description))::text[],
                    \(deadlines.map(\.dueDay.description))::text[], \(deadlines.map { $0.metOn?.description ?? "" })::text[])
                    AS t (kind, start_day, due_day, met_on)
                ON CONFLICT (request_id, kind) DO UPDATE SET start_day = excluded.start_day, due_day = excluded.due_day,
                    met_on = excluded.met_on
                """
            )
        }
        try WorkListRepository.refresh(requestID: request.id, in: tx)
    }

    /// The request with `id` in `municipality`, or `nil`; `forUpdate` locks it until the
    /// transaction ends, so concurrent changes (a staff action and a partner's answer) queue.
    public static func find(
        id: UUID,
        municipality: MunicipalityCode,
        forUpdate: Bool = false,
        in tx: Transaction
    )
        throws -> HelpRequest?
    {
        let lock = forUpdate ? SQLFragment("FOR UPDATE") : SQLFragment("")
        return try load(
            tx.query("SELECT \(columns) FROM requests WHERE id = \(id) AND municipality = \(municipality.rawValue) \(lock)")
                .rows,
            in: tx
        ).first
    }

    /// The requests of a person, newest first.
    public static func requests(
        ofPerson personID: UUID,
        municipality: MunicipalityCode,
        in tx: Transaction
    ) throws
        -> [HelpRequest]
    {
        try load(
            tx.query(
                """
                SELECT \(columns) FROM requests WHERE person_id = \(personID) AND municipality = \(municipality.rawValue)
                ORDER BY received_at DESC
                """
            ).rows,
            in: tx
        )
    }

    /// The open (not closed) requests of `municipality`, optionally only a handler's or a team's.
    public static func openRequests(
        municipality: MunicipalityCode,
        handler: StaffID? = nil,
        team: TeamID? = nil,
        in tx: Transaction
    ) throws -> [HelpRequest] {
        try load(
            tx.query(
                """
                SELECT \(columns) FROM requests
                WHERE municipality = \(municipality.rawValue) AND status <> 'closed'
                  AND (\(handler?.rawValue)::text IS NULL OR handler = \(handler?.rawValue))
                  AND (\(team?.rawValue)::text IS NULL OR team = \(team?.rawValue))
                ORDER BY received_at
                """
            ).rows,
            in: tx
        )
    }

    static func load(_ rows: [Row], in tx: Transaction) throws -> [HelpRequest] {
        let ids = try rows.map { try $0.decode(UUID.self, "id") }
        let routes = try routes(requestIDs: ids, in: tx)
        let deadlines = try deadlines(requestIDs: ids, in: tx)
        return try zip(rows, ids).map { row, id in
            try request(row, routes: routes[id] ?? [], deadlines: deadlines[id] ?? [])
        }
    }

    private static func deadlines(requestIDs: [UUID], in tx: Transaction) throws -> [UUID: [Deadline]] {
        guard !requestIDs.isEmpty else { return [:] }
        var result: [UUID: [Deadline]] = [:]
        for row in try tx.query(
            """
            SELECT request_id, kind, start_day, due_day, met_on FROM request_deadlines
            WHERE request_id = ANY(\(requestIDs)::uuid[]) ORDER BY request_id, due_day, kind
            """
        ).rows {
            let deadline = Deadline(
                kind: try row.value(DeadlineKind.self, "kind"),
                startDay: try row.localDate("start_day"),
                dueDay: try row.localDate("due_day"),
                metOn: try row.optionalLocalDate("met_on")
            )
            result[try row.decode(UUID.self, "request_id"), default: []].append(deadline)
        }
        return result
    }

    private static func routes(requestIDs: [UUID], in tx: Transaction) throws -> [UUID: [RequestRoute]] {
        guard !requestIDs.isEmpty else { return [:] }
        var result: [UUID: [RequestRoute]] = [:]
        for row in try tx.query(
            """
            SELECT request_id, id, kind, partner_id, state, opened_at, updated_at, finished_at, note
            FROM request_routes WHERE request_id = ANY(\(requestIDs)::uuid[]) ORDER BY request_id, position
            """
        ).rows {
            let route = RequestRoute(
                id: try row.decode(UUID.self, "id"),
                kind: try row.value(RouteKind.self, "kind"),
                partnerID: try row.decodeIfPresent(String.self, "partner_id").map(PartnerID.init(rawValue:)),
                state: try row.value(RouteState.self, "state"),
                openedAt: try row.decode(Date.self, "opened_at"),
                updatedAt: try row.decode(Date.self, "updated_at"),
                finishedAt: try row.decodeIfPresent(Date.self, "finished_at"),
                note: try row.decodeIfPresent(String.self, "note")
            )
            result[try row.decode(UUID.self, "request_id"), default: []].append(route)
        }
        return result
    }

    private static func request(_ row: Row, routes: [RequestRoute], deadlines: [Deadline]) throws -> HelpRequest {
        HelpRequest(
            id: try row.decode(UUID.self, "id"),
            municipality: try row.municipality(),
            personID: try row.decodeIfPresent(UUID.self, "person_id"),
            kind: try row.value(RequestKind.self, "kind"),
            channel: try row.value(IntakeChannel.self, "channel"),
            source: try row.value(RequestSource.self, "source"),
            categories: try row.values(LifeDomain.self, "categories"),
            text: try row.decode(String.self, "text"),
            clarifiedQuestion: try row.decodeIfPresent(String.self, "clarified_question"),
            urgency: try row.value(Urgency.self, "urgency"),
            status: try row.value(RequestStatus.self, "status"),
            handler: try row.decodeIfPresent(String.self, "handler").map(StaffID.init(rawValue:)),
            team: try row.decodeIfPresent(String.self, "team").map(TeamID.init(rawValue:)),
            receivedAt: try row.decode(Date.self, "received_at"),
            updatedAt: try row.decode(Date.self, "updated_at"),
            closedAt: try row.decodeIfPresent(Date.self, "closed_at"),
            routes: routes,
            outcome: try row.optionalValue(RequestOutcome.self, "outcome"),
            closeReason: try row.decodeIfPresent(String.self, "close_reason"),
            deadlines: deadlines,
            complaintsCommittee: try row.decode(Bool.self, "complaints_committee")
        )
    }
}
