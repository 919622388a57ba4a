public import Contracts
public import Foundation
public import Storage
import StoredVocabulary
public import WorkingDays

/// Werkvoorraad in SQL: each request carries its earliest running statutory term and
/// warm-referral term (`refresh` keeps them after every change of the request, its terms or a
/// referral), and the list pages over them on indexes by owner and due day, so a consultant with
/// thousands of cases, or a team with tens of thousands, costs one page.
///
/// Attention today: a statutory term on or past its due day, a referral past its due day at the
/// partner, or a declined referral whose request took no route since. The personal plan is the
/// citizen's term and never puts a request on the list.
public enum WorkListRepository {
    /// Whose list.
    public enum Owner: Sendable, Hashable {
        /// A consultant's own cases.
        case handler(StaffID)
        /// A team's cases, whoever handles them.
        case team(TeamID)

        var column: SQLFragment {
            switch self {
            case .handler: SQLFragment("handler")
            case .team: SQLFragment("team")
            }
        }

        var value: String {
            switch self {
            case .handler(let staff): staff.rawValue
            case .team(let team): team.rawValue
            }
        }
    }

    /// A row of the page with the person's id, for the access log.
    public struct Entry: Sendable {
        /// The row.
        public var row: WorkListRow
        /// The person shown (`nil` for an anonymous request).
        public var personID: UUID?
    }

    /// The condition "needs action on `$today`", as SQL over a `requests` row.
    private static let attention = SQLFragment(
        "(statutory_due <= $1 OR referral_term = 'declined' OR referral_due < $1)"
    )

    /// Recomputes the work-list columns of request `requestID` from its terms and referrals.
    public static func refresh(requestID: UUID, in tx: Transaction) throws {
        try tx.query(
            """
            UPDATE requests r SET
                statutory_kind = s.kind, statutory_due = s.due_day,
                referral_term = f.term, referral_partner = f.partner_id, referral_due = f.due,
                next_due = CASE WHEN r.status = 'closed' THEN NULL ELSE least(s.due_day, f.due) END
            FROM requests q
            LEFT JOIN LATERAL (
                SELECT d.kind, d.due_day FROM request_deadlines d
                WHERE d.request_id = q.id AND d.met_on IS NULL AND d.kind <> 'personal-plan'
                ORDER BY d.due_day, d.kind LIMIT 1
            ) s ON true
            LEFT JOIN LATERAL (
                SELECT t.partner_id, t.term, t.due FROM (
                    SELECT x.partner_id,
                        CASE x.status WHEN 'passed-on' THEN 'accept' WHEN 'accepted' THEN 'contact' ELSE 'declined' END
                            AS term,
                        CASE x.status WHEN 'passed-on' THEN x.accept_due WHEN 'accepted' THEN x.contact_due
                            ELSE (x.declined_at AT TIME ZONE 'Europe/Amsterdam')::date END AS due
                    FROM referrals x
                    WHERE x.request_id = q.id AND (
                        x.status IN ('passed-on', 'accepted')
                        OR (x.status = 'declined' AND NOT EXISTS (
                            SELECT 1 FROM request_routes o
                            WHERE o.request_id = x.request_id AND o.id <> x.route_id AND o.opened_at > x.declined_at)))
                ) t ORDER BY t.due, t.partner_id LIMIT 1
            ) f ON true
            WHERE r.id = \(requestID) AND q.id = \(requestID)
            """
        )
    }

    /// The counts over the whole list of `owner` on `today`.
    public static func counts(
        _ owner: Owner,
        municipality: MunicipalityCode,
        today: LocalDate,
        in tx: Transaction
    ) throws -> WorkList.Counts {
        // $1 is today in every statement of this type (see `attention`).
        let row = try tx.query(
            """
            SELECT
                count(*) FILTER (WHERE statutory_due < \(today.description)::date) AS overdue,
                count(*) FILTER (WHERE statutory_due = $1) AS due_today,
                count(*) FILTER (WHERE referral_term = 'declined' OR referral_due < $1) AS escalations,
                count(*) FILTER (WHERE \(attention)) AS attention,
                (SELECT count(*) FROM requests o
                 WHERE o.municipality = \(municipality.rawValue) AND o.\(owner.column) = \(owner.value)
                   AND o.status <> 'closed') AS open
            FROM requests
            WHERE municipality = $2 AND \(owner.column) = $3 AND status <> 'closed' AND next_due <= $1
            """
        ).rows.first
        guard let row else { throw StorageError.noRows("work-list counts") }
        return WorkList.Counts(
            overdue: try row.decode(Int.self, "overdue"),
            dueToday: try row.decode(Int.self, "due_today"),
            escalations: try row.decode(Int.self, "escalations"),
            open: try row.decode(Int.self, "open"),
            attention: try row.decode(Int.self, "attention")
        )
    }

    /// One page of the list of `owner` on `today`.
    public static func page(
        _ owner: Owner,
        municipality: MunicipalityCode,
        today: LocalDate,
        query: WorkListQuery,
        in tx: Transaction
    ) throws -> [Entry] {
        // Only what needs action today: the due-day bound lets the index range do the work,
        // `attention` decides (its columns are the request's; the persons join has none of them).
        let bound = query.attentionOnly ? SQLFragment("AND r.next_due <= $1 AND") : SQLFragment("AND")
        let condition = query.attentionOnly ? attention : SQLFragment("true")
        let order =
            query.sort == .dueFirst
            ? SQLFragment("r.next_due ASC NULLS LAST, r.id") : SQLFragment("r.next_due DESC NULLS LAST, r.id")
        let rows = try tx.query(
            """
            SELECT r.id, r.person_id, r.kind, r.urgency, r.handler, r.team, r.clarified_question,
                left(r.text, 200) AS text, r.statutory_kind, r.statutory_due, r.referral_term, r.referral_partner,
                r.referral_due, r.next_due, p.given_names, p.family_name_prefix, p.family_name
            FROM requests r LEFT JOIN persons p ON p.id = r.person_id
            WHERE \(today.description)::date IS NOT NULL AND r.municipality = \(municipality.rawValue)
                AND r.\(owner.column) = \(owner.value) AND r.status <> 'closed' \(bound) \(condition)
            ORDER BY \(order)
            LIMIT \(query.pageSize) OFFSET \((query.page - 1) * query.pageSize)
            """
        ).rows
        return try rows.map { row in try entry(row, today: today) }
    }

    private static func entry(_ row: Row, today: LocalDate) throws -> Entry {
        let statutory: WorkListRow.StatutoryTerm? = try row.optionalValue(DeadlineKind.self, "statutory_kind").map { kind in
            let due = try row.localDate("statutory_due")
            return .init(kind: kind, dueDay: due, status: Deadline(kind: kind, startDay: due, dueDay: due).status(on: today))
        }
        let referral: WorkListRow.ReferralTerm? = try row.optionalValue(
            WorkListRow.ReferralTerm.Term.self,
            "referral_term"
        ).map { term in
            let due = try row.localDate("referral_due")
            return .init(
                term: term,
                partnerId: PartnerID(try row.decode(String.self, "referral_partner")),
                dueDay: due,
                escalated: term == .declined || due < today
            )
        }
        let name = try row.decodeIfPresent(String.self, "family_name").map { family in
            [
                try row.decodeIfPresent(String.self, "given_names"), try row.decodeIfPresent(String.self, "family_name_prefix"),
                family,
            ].compactMap { $0?.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
        }
        let question: String
        if let clarified = try row.decodeIfPresent(String.self, "clarified_question") {
            question = WorkListRow.firstWords(of: clarified)
        } else {
            question = "Nog niet verhelderd: " + WorkListRow.firstWords(of: try row.decode(String.self, "text"), limit: 60)
        }
        return Entry(
            row: WorkListRow(
                requestId: try row.decode(UUID.self, "id"),
                kind: try row.value(RequestKind.self, "kind"),
                urgency: try row.value(Urgency.self, "urgency"),
                handler: try row.decodeIfPresent(String.self, "handler").map(StaffID.init(rawValue:)),
                team: try row.decodeIfPresent(String.self, "team").map(TeamID.init(rawValue:)),
                personName: name,
                question: question,
                statutoryTerm: statutory,
                referralTerm: referral,
                nextDue: try row.optionalLocalDate("next_due")
            ),
            personID: try row.decodeIfPresent(UUID.self, "person_id")
        )
    }
}
