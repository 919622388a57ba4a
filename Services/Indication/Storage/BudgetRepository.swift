public import Contracts
public import Foundation
public import Storage

/// The overrun signals sent (the committed cost itself is `BudgetLedger`).
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
}
