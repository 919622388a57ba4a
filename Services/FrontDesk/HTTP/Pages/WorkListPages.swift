import Foundation

/// Werklijst: what is overdue, escalated or due today, with counts, for the staff member or
/// for their team.
struct WorkListPages: Sendable {
    let service: FrontDeskService

    /// `GET /werklijst` (own) and `GET /werklijst/team`.
    func show(_ call: PageCall, scope: WorkListScope) async throws -> PageResult {
        let list = try await service.workList(scope, by: call.staff)
        let counts = list.counts
        let teamName = call.staff.team?.rawValue
        let model = WorkListPage(
            scopeLabel: scope == .mine ? "Mijn werklijst" : "Werklijst van team \(teamName ?? "")",
            day: list.day.dutchFormatted,
            tabs: [
                .init(href: "/werklijst", label: "Mijn werklijst", current: scope == .mine),
                .init(href: "/werklijst/team", label: teamName.map { "Team \($0)" } ?? "Mijn team", current: scope == .team),
            ],
            hasTeam: teamName != nil || scope == .mine,
            counts: [
                .init(label: "Verlopen", count: counts.overdue, anchor: "#verlopen", tone: "overdue"),
                .init(label: "Vandaag", count: counts.dueToday, anchor: "#vandaag", tone: "today"),
                .init(label: "Escalaties", count: counts.escalations, anchor: "#escalaties", tone: "escalation"),
            ],
            total: counts.total,
            groups: [
                group(list, .overdue, id: "verlopen", empty: "Geen verlopen termijnen."),
                group(list, .escalation, id: "escalaties", empty: "Geen escalaties van partners."),
                group(list, .dueToday, id: "vandaag", empty: "Vandaag verloopt geen termijn."),
            ]
        )
        return .page(Page(template: "work-list", title: model.scopeLabel, model: model, section: .workList))
    }

    private func group(_ list: WorkList, _ category: WorkItem.Category, id: String, empty: String) -> WorkListPage.Group {
        let items = list.items(in: category)
        return WorkListPage.Group(
            groupAnchor: id,
            heading: "\(category.dutchName) (\(items.count))",
            emptyText: empty,
            isEmpty: items.isEmpty,
            rows: items.map { item in
                WorkListPage.Row(
                    href: "/hulpvragen/\(item.requestID.uuidString.lowercased())",
                    requestLabel: "Hulpvraag \(DutchFormat.shortID(item.requestID))",
                    urgency: DutchFormat.urgency(item.urgency),
                    isCrisis: item.urgency == .crisis,
                    what: item.message,
                    due: item.deadline?.dueDay.dutchFormatted ?? item.escalation?.dueDay?.dutchFormatted ?? "–",
                    handler: item.handler?.rawValue ?? "–"
                )
            }
        )
    }
}

/// The data of `work-list.mustache`.
struct WorkListPage: Sendable {
    var scopeLabel: String
    var day: String
    var tabs: [Chrome.NavLink]
    var hasTeam: Bool
    var counts: [Count]
    var total: Int
    var groups: [Group]

    struct Count: Sendable {
        var label: String
        var count: Int
        var anchor: String
        var tone: String
    }

    struct Group: Sendable {
        var groupAnchor: String
        var heading: String
        var emptyText: String
        var isEmpty: Bool
        var rows: [Row]
    }

    struct Row: Sendable {
        var href: String
        var requestLabel: String
        var urgency: String
        var isCrisis: Bool
        var what: String
        var due: String
        var handler: String
    }
}
