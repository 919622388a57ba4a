import Foundation
import StaffPages
import WorkingDays

/// Werklijst: the staff member's (or their team's) open requests, a page at a time, each row
/// with who and what and the statutory and warm-referral terms side by side, sortable by due
/// day, with counts of what needs action today.
struct WorkListPages: Sendable {
    let service: FrontDeskService

    /// `GET /werklijst` (own) and `GET /werklijst/team`; query `sorteer=oplopend|aflopend`,
    /// `alleen=aandacht`, `pagina=N`.
    func show(_ call: DeskCall, scope: WorkListScope) async throws -> PageResult {
        let sort: WorkListSort = call.query["sorteer"] == "aflopend" ? .dueLast : .dueFirst
        let attentionOnly = call.query["alleen"] == "aandacht"
        let page = Int(call.query["pagina"] ?? "") ?? 1
        let list = try await service.workList(
            WorkListQuery(scope: scope, sort: sort, attentionOnly: attentionOnly, page: page, pageSize: 50),
            by: call.staff
        )
        let base = scope == .mine ? "/werklijst" : "/werklijst/team"
        func link(sort: WorkListSort? = nil, attention: Bool? = nil, page: Int? = nil) -> String {
            var parts: [String] = []
            if (sort ?? list.sort) == .dueLast { parts.append("sorteer=aflopend") }
            if attention ?? list.attentionOnly { parts.append("alleen=aandacht") }
            let page = page ?? 1
            if page > 1 { parts.append("pagina=\(page)") }
            return parts.isEmpty ? base : "\(base)?\(parts.joined(separator: "&amp;"))"
        }
        let teamName = call.staff.team?.rawValue
        let counts = list.counts
        let carers = try await service.carerOutreach(by: call.staff)
        let model = WorkListPage(
            scopeLabel: scope == .mine ? "Mijn werklijst" : "Werklijst van team \(teamName ?? "")",
            day: list.day.dutchFormatted,
            tabs: [
                .init(href: "/werklijst", label: "Mijn werklijst", current: scope == .mine),
                .init(href: "/werklijst/team", label: teamName.map { "Team \($0)" } ?? "Mijn team", current: scope == .team),
            ],
            counts: [
                .init(label: "Verlopen", count: counts.overdue, tone: "overdue"),
                .init(label: "Vandaag", count: counts.dueToday, tone: "today"),
                .init(label: "Escalaties", count: counts.escalations, tone: "escalation"),
                .init(label: "Open hulpvragen", count: counts.open, tone: "open"),
            ],
            filterHref: link(attention: !list.attentionOnly),
            filterLabel: list.attentionOnly
                ? "Toon alle \(counts.open) open hulpvragen" : "Toon alleen wat vandaag aandacht vraagt (\(counts.attention))",
            sortHref: link(sort: list.sort == .dueFirst ? .dueLast : .dueFirst),
            sortLabel: list.sort == .dueFirst ? "Uiterlijk, oplopend" : "Uiterlijk, aflopend",
            sortDirection: list.sort == .dueFirst ? "ascending" : "descending",
            isEmpty: list.rows.isEmpty,
            emptyText: list.attentionOnly ? "Vandaag vraagt niets aandacht." : "Geen open hulpvragen.",
            rows: list.rows.map { row in Self.row(row, today: list.day) },
            pageText: "Pagina \(list.page) van \(list.pageCount)",
            previousHref: list.page > 1 ? link(page: list.page - 1) : nil,
            nextHref: list.page < list.pageCount ? link(page: list.page + 1) : nil,
            hasCarers: !carers.isEmpty,
            carers: carers.map { carer in
                let id = carer.carerID.uuidString.lowercased()
                return WorkListPage.Carer(
                    anchor: "carer-\(DutchFormat.shortID(carer.carerID))",
                    caredFor: carer.caredForName,
                    caredForHref: carer.personID.map { "/personen/\($0.uuidString.lowercased())" },
                    burden: carer.burden,
                    hoursPerWeek: carer.hoursPerWeek,
                    district: carer.district,
                    flagged: DutchFormat.date(carer.flaggedAt),
                    carerReference: DutchFormat.shortID(carer.carerID),
                    action: "/werklijst/mantelzorgers/\(id)/afgehandeld",
                    returnTo: base
                )
            }
        )
        return .page(Page(template: "work-list", title: model.scopeLabel, model: model, section: NavSection.workList.href))
    }

    /// `POST /werklijst/mantelzorgers/:id/afgehandeld`: the staff member reached out to the carer
    /// matching flagged; `returnTo` is the work list the form was on.
    func markCarerHandled(_ call: DeskCall) async throws -> PageResult {
        let id = try call.id()
        let back = call.form["returnTo"] == "/werklijst/team" ? "/werklijst/team" : "/werklijst"
        let handled = try await service.markCarerOutreachHandled(id, by: call.staff)
        return .redirect(
            to: back,
            flash: handled
                ? "Vastgelegd dat er contact is opgenomen met de mantelzorger."
                : "Een collega had het contact met deze mantelzorger al vastgelegd."
        )
    }

    static func row(_ row: WorkListRow, today: LocalDate) -> WorkListPage.Row {
        let statutory = row.statutoryTerm.map { term in
            WorkListPage.Term(
                label: term.kind.dutchName,
                due: term.dueDay.dutchFormatted,
                status: term.status.dutchName,
                isLate: term.status == .overdue,
                isToday: term.status == .dueToday
            )
        }
        let referral = row.referralTerm.map { term in
            WorkListPage.Term(
                label: "\(term.term.dutchName) (\(term.partnerId.rawValue))",
                due: term.dueDay.dutchFormatted,
                status: term.escalated ? "Escalatie" : (term.dueDay == today ? "Verloopt vandaag" : "Loopt"),
                isLate: term.escalated,
                isToday: !term.escalated && term.dueDay == today
            )
        }
        return WorkListPage.Row(
            href: "/hulpvragen/\(row.requestId.uuidString.lowercased())",
            who: row.personName ?? "Anoniem",
            what: row.question,
            kind: row.kind.dutchName,
            urgency: DutchFormat.urgency(row.urgency),
            isCrisis: row.urgency == .crisis,
            statutory: statutory,
            referral: referral,
            due: row.nextDue?.dutchFormatted ?? "–",
            handler: row.handler?.rawValue ?? "–"
        )
    }
}

/// The data of `work-list.mustache`.
struct WorkListPage: Sendable {
    var scopeLabel: String
    var day: String
    var tabs: [Chrome.NavLink]
    var counts: [Count]
    var filterHref: String
    var filterLabel: String
    var sortHref: String
    var sortLabel: String
    var sortDirection: String
    var isEmpty: Bool
    var emptyText: String
    var rows: [Row]
    var pageText: String
    var previousHref: String?
    var nextHref: String?
    var hasCarers: Bool
    var carers: [Carer]

    /// An informal carer matching flagged as overburdened, for outreach.
    struct Carer: Sendable {
        var anchor: String
        var caredFor: String?
        var caredForHref: String?
        var burden: Int
        var hoursPerWeek: Int
        var district: String
        var flagged: String
        var carerReference: String
        var action: String
        var returnTo: String
    }

    struct Count: Sendable {
        var label: String
        var count: Int
        var tone: String
    }

    struct Term: Sendable {
        var label: String
        var due: String
        var status: String
        var isLate: Bool
        var isToday: Bool
    }

    struct Row: Sendable {
        var href: String
        var who: String
        var what: String
        var kind: String
        var urgency: String
        var isCrisis: Bool
        var statutory: Term?
        var referral: Term?
        var due: String
        var handler: String
    }
}
