public import Contracts
public import Foundation
public import Storage
public import WorkingDays

/// The overrun signals sent, and the months of the budget view (the committed cost itself is
/// `BudgetLedger`).
public enum BudgetRepository {
    /// Records that the overrun of `part` in `month` was signalled; `false` when it was before.
    public static func recordSignal(
        municipality: MunicipalityCode,
        part: BudgetPart,
        month: String,
        committedCents: Int,
        at time: Date,
        in tx: Transaction
    ) throws -> Bool {
        try tx.query(
            """
            INSERT INTO budget_signals (municipality, part, month, committed_cents, signalled_at)
            VALUES (\(municipality.rawValue), \(part.rawValue), \(month), \(committedCents), \(time))
            ON CONFLICT DO NOTHING
            """
        ).affectedRows == 1
    }

    /// The `YYYY-MM` names of `count` months from the month of `from`.
    public static func monthNames(from: LocalDate, count: Int) -> [String] {
        (0..<count).map { offset in
            let index = from.year * 12 + (from.month - 1) + offset
            return String(format: "%04d-%02d", index / 12, index % 12 + 1)
        }
    }
}
