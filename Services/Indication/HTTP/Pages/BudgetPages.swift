import Contracts
import Foundation
import StaffPages
import WorkingDays

/// `GET /budget`: the committed cost of the municipality per earmarked part and month against
/// its budget, twelve months ahead; a threatened overrun is marked (not only by colour).
struct BudgetPages: Sendable {
    let service: IndicationService

    func show(_ call: AssessorCall) async throws -> PageResult {
        let view = try await service.budget(by: call.user)
        let model = BudgetPage(
            thresholdPercent: view.thresholdPercent,
            headers: BudgetPart.allCases.map(\.dutchName),
            rows: view.months.map { month in
                BudgetPage.Row(
                    month: Self.monthName(month.month),
                    cells: month.parts.map { line in
                        BudgetPage.Cell(
                            committed: Self.euros(line.committedCents),
                            budget: line.budgetCents.map(Self.euros),
                            percent: line.percent.map { "\($0)%" },
                            threatened: line.threatened
                        )
                    }
                )
            },
            hasBudget: view.months.contains { $0.parts.contains { $0.budgetCents != nil } }
        )
        return .page(Page(template: "budget", title: "Budget sociaal domein", model: model, section: "/budget"))
    }

    /// `€ 1.234.567` (whole euros, Dutch thousands separator).
    static func euros(_ cents: Int) -> String {
        let euros = (Double(cents) / 100).rounded()
        let digits = String(Int(abs(euros)))
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(".") }
            grouped.append(digit)
        }
        return "€ \(euros < 0 ? "-" : "")\(grouped)"
    }

    /// `december 2026` for `2026-12`.
    static func monthName(_ month: String) -> String {
        let names = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]
        let parts = month.split(separator: "-")
        guard parts.count == 2, let number = Int(parts[1]), (1...12).contains(number) else { return month }
        return "\(names[number - 1]) \(parts[0])"
    }
}

/// The data of `budget.mustache`.
struct BudgetPage: Sendable {
    struct Cell: Sendable {
        var committed: String
        var budget: String?
        var percent: String?
        var threatened: Bool
    }

    struct Row: Sendable {
        var month: String
        var cells: [Cell]
    }

    var thresholdPercent: Int
    var headers: [String]
    var rows: [Row]
    var hasBudget: Bool
}
