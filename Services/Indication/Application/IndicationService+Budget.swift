import Contracts
import Foundation
import ReliableMessaging
import Storage
public import WorkingDays

extension IndicationService {
    /// How many months the budget view and the overrun watch look ahead.
    static let budgetMonths = 12

    /// The committed cost of the assessor's municipality per earmarked part and month, against
    /// its budget, for twelve months from the month of `from` (default: this month).
    public func budget(by assessor: Assessor, from: LocalDate? = nil) async throws -> BudgetView {
        let start = from ?? today
        let settings = self.settings
        return try await transaction { tx in
            let committed = try BudgetLedger.committed(municipality: assessor.municipality, from: start, months: Self.budgetMonths, in: tx)
            return BudgetView(
                municipality: assessor.municipality,
                months: BudgetLedger.months(from: start, count: Self.budgetMonths).map(BudgetLedger.name(of:)),
                committed: committed,
                budget: settings.budget
            )
        }
    }

    /// After new allocations: signals every part and month (from the earliest new start, twelve
    /// months on) whose committed cost now reaches the threshold, once each
    /// (`indication.budget.overrun-threatened`).
    func watchBudget(after allocations: [Allocation], of item: IndicationCase, at now: Date, in tx: Transaction) throws {
        guard let start = allocations.map(\.validFrom).min(), settings.budget.monthlyCents[item.municipality] != nil else { return }
        let view = BudgetView(
            municipality: item.municipality,
            months: BudgetLedger.months(from: start, count: Self.budgetMonths).map(BudgetLedger.name(of:)),
            committed: try BudgetLedger.committed(municipality: item.municipality, from: start, months: Self.budgetMonths, in: tx),
            budget: settings.budget
        )
        for month in view.months {
            for line in month.parts where line.threatened {
                guard let budget = line.budgetCents,
                    try BudgetRepository.recordSignal(
                        municipality: item.municipality,
                        part: line.part,
                        month: month.month,
                        committedCents: line.committedCents,
                        at: now,
                        in: tx
                    )
                else { continue }
                let signal = BudgetOverrunThreatened(
                    part: line.part.rawValue,
                    month: month.month,
                    budgetCents: budget,
                    committedCents: line.committedCents,
                    thresholdPercent: view.thresholdPercent
                )
                try Outbox.enqueue(envelope(signal, about: item), in: tx)
            }
        }
    }
}
