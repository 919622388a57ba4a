import Contracts
import Foundation
import Storage
import StoredVocabulary
import WorkingDays

/// Requests for informal support: pseudonymous (the desk's subjectRef), with the clarified
/// question only.
enum RequestRepository {
    /// Stores `request`; `false` when the same request (municipality, origin, request and line)
    /// is already there.
    static func insert(_ request: SupportRequest, in tx: Transaction) throws -> Bool {
        try tx.query(
            """
            INSERT INTO support_requests (id, municipality, origin, request_id, line_id, subject_ref, carer_id, task, district, latitude,
                longitude, question, time_windows, duration_weeks, language, certificate_required, urgency, carer_overburdened, status,
                received_at, fail_on)
            VALUES (\(request.id), \(request.municipality.rawValue), \(request.origin.rawValue), \(request.requestId), \(request.lineId),
                \(request.subjectRef?.rawValue), \(request.carerId), \(request.task.rawValue), \(request.place?.district ?? request.district),
                \(request.place?.latitude), \(request.place?.longitude), \(request.question), \(Int(request.timeWindows.mask)),
                \(request.durationWeeks), \(request.language), \(request.certificateRequired), \(request.urgency.rawValue),
                \(request.carerOverburdened), \(request.status.rawValue), \(request.receivedAt), \(request.failOn.description)::date)
            ON CONFLICT DO NOTHING
            """
        ).affectedRows == 1
    }

    /// Status, closing time and reason; `lastSearch` is why the last search found nobody.
    static func save(_ request: SupportRequest, lastSearch: String? = nil, in tx: Transaction) throws {
        try tx.query(
            """
            UPDATE support_requests SET status = \(request.status.rawValue), closed_at = \(request.closedAt),
                failure_reason = \(request.failureReason), last_search = coalesce(\(lastSearch), last_search)
            WHERE id = \(request.id)
            """
        )
    }

    static let columns = SQLFragment(
        """
        id, municipality, origin, request_id, line_id, subject_ref, carer_id, task, district, latitude, longitude, question, time_windows,
        duration_weeks, language, certificate_required, urgency, carer_overburdened, status, received_at, fail_on::text AS fail_on,
        closed_at, failure_reason, last_search
        """
    )

    static func find(_ id: UUID, municipality: MunicipalityCode? = nil, forUpdate: Bool = false, in tx: Transaction) throws -> SupportRequest? {
        let lock = forUpdate ? SQLFragment("FOR UPDATE") : SQLFragment("")
        return try tx.query(
            """
            SELECT \(columns) FROM support_requests
            WHERE id = \(id) AND (\(municipality?.rawValue)::text IS NULL OR municipality = \(municipality?.rawValue)) \(lock)
            """
        ).rows.first.map(request)
    }

    /// Why the last search for request `id` proposed nobody (or whom it proposed).
    static func lastSearch(of id: UUID, in tx: Transaction) throws -> String? {
        try tx.query("SELECT last_search FROM support_requests WHERE id = \(id)").rows.first?.decodeIfPresent(String.self, "last_search")
    }

    /// The open requests of `municipality` (all when nil), with the last search's outcome.
    static func open(municipality: MunicipalityCode?, limit: Int, in tx: Transaction) throws -> [(SupportRequest, String?)] {
        try tx.query(
            """
            SELECT \(columns) FROM support_requests
            WHERE status = 'open' AND (\(municipality?.rawValue)::text IS NULL OR municipality = \(municipality?.rawValue))
            ORDER BY received_at LIMIT \(limit)
            """
        ).rows.map { (try request($0), try $0.decodeIfPresent(String.self, "last_search")) }
    }

    /// Open requests without an open proposal (to search again), and open ones past `fail_on`.
    static func openIDs(overdueOn today: LocalDate, in tx: Transaction) throws -> (waiting: [UUID], overdue: [UUID]) {
        var waiting: [UUID] = []
        var overdue: [UUID] = []
        for row in try tx.query(
            """
            SELECT r.id, r.fail_on < \(today.description)::date AS overdue FROM support_requests r
            WHERE r.status = 'open' AND (r.fail_on < \(today.description)::date
                OR NOT EXISTS (SELECT 1 FROM proposals p WHERE p.support_request = r.id AND p.status = 'proposed'))
            ORDER BY r.received_at LIMIT 1000
            """
        ).rows {
            let id = try row.decode(UUID.self, "id")
            if try row.decode(Bool.self, "overdue") { overdue.append(id) } else { waiting.append(id) }
        }
        return (waiting, overdue)
    }

    static func request(_ row: Row) throws -> SupportRequest {
        let municipality = try row.municipality()
        return SupportRequest(
            id: try row.decode(UUID.self, "id"),
            municipality: municipality,
            origin: try row.value(SupportRequest.Origin.self, "origin"),
            requestId: try row.decode(UUID.self, "request_id"),
            lineId: try row.decodeIfPresent(UUID.self, "line_id"),
            subjectRef: try row.decodeIfPresent(UUID.self, "subject_ref").map(SubjectRef.init),
            carerId: try row.decodeIfPresent(UUID.self, "carer_id"),
            task: try row.value(VolunteerTask.self, "task"),
            place: try row.place(municipality: municipality),
            district: try row.decodeIfPresent(String.self, "district"),
            question: try row.decode(String.self, "question"),
            timeWindows: WeeklyAvailability(mask: UInt32(truncatingIfNeeded: try row.decode(Int.self, "time_windows"))),
            durationWeeks: try row.decodeIfPresent(Int.self, "duration_weeks"),
            language: try row.decodeIfPresent(String.self, "language"),
            certificateRequired: try row.decode(Bool.self, "certificate_required"),
            urgency: try row.value(Urgency.self, "urgency"),
            carerOverburdened: try row.decode(Bool.self, "carer_overburdened"),
            status: try row.value(SupportRequest.Status.self, "status"),
            receivedAt: try row.decode(Date.self, "received_at"),
            failOn: try row.localDate("fail_on"),
            closedAt: try row.decodeIfPresent(Date.self, "closed_at"),
            failureReason: try row.decodeIfPresent(String.self, "failure_reason")
        )
    }
}
