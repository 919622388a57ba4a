import Contracts
import Foundation
import StaffPages
import WorkingDays

/// `GET /werklijst`: the municipality's cases that need an assessor, most urgent term first.
struct WorkListPages: Sendable {
    let service: IndicationService

    func show(_ call: AssessorCall) async throws -> PageResult {
        let items = try await service.workList(by: call.user).sorted {
            ($0.decisionDue, $0.caseId.uuidString) < ($1.decisionDue, $1.caseId.uuidString)
        }
        let today = DutchFormat.day(of: Date())
        let rows = items.map { item in
            let due = LocalDate(typed: item.decisionDue)
            return WorkListPage.Row(
                href: "/aanvragen/\(item.caseId.uuidString.lowercased())",
                label: "Aanvraag \(DutchFormat.shortID(item.caseId))",
                question: item.question.count > 120 ? item.question.prefix(119) + "…" : item.question,
                status: DutchFormat.status(item.status),
                urgency: item.urgency.dutchName,
                isCrisis: item.urgency == .crisis,
                due: due?.dutchFormatted ?? item.decisionDue,
                isLate: due.map { $0 < today } ?? false,
                assignee: item.assignee?.rawValue ?? "Nog niemand",
                reasons: item.reasons.map(DutchFormat.reason).joined(separator: ", ")
            )
        }
        let model = WorkListPage(day: today.dutchFormatted, rows: rows, isEmpty: rows.isEmpty)
        return .page(Page(template: "work-list", title: "Werklijst", model: model, section: "/werklijst"))
    }
}

/// The data of `work-list.mustache`.
struct WorkListPage: Sendable {
    struct Row: Sendable {
        var href: String
        var label: String
        var question: String
        var status: String
        var urgency: String
        var isCrisis: Bool
        var due: String
        var isLate: Bool
        var assignee: String
        var reasons: String
    }

    var day: String
    var rows: [Row]
    var isEmpty: Bool
}
