public import Contracts
public import Foundation
public import Storage
public import WorkingDays

/// The committed cost of allocations per month (for the budget view) and the overrun signals sent.
public enum BudgetRepository {
    /// Cents committed per month (`YYYY-MM`) and category in `municipality`, for `count` months
    /// from the month of `from`: every allocation not rejected or withdrawn, its monthly cost
    /// prorated by the days of the month it runs (from its start to its end or stop).
    public static func committed(
        municipality: MunicipalityCode,
        from: LocalDate,
        months count: Int,
        in tx: Transaction
    ) throws -> [String: [ProductCategory: Int]] {
        let first = LocalDate(year: from.year, month: from.month, day: 1) ?? from
        let rows = try tx.query(
            """
            WITH months AS (
                SELECT m::date AS first_day, (m + interval '1 month - 1 day')::date AS last_day
                FROM generate_series(\(first.description)::date, \(first.description)::date + (\(count - 1) * interval '1 month'),
                                     interval '1 month') AS m
            )
            SELECT to_char(months.first_day, 'YYYY-MM') AS month, a.category,
                round(sum(a.monthly_cost_cents::float8
                    * (least(coalesce(a.stop_date, 'infinity'::date), coalesce(a.valid_until, 'infinity'::date), months.last_day)
                       - greatest(a.valid_from, months.first_day) + 1)
                    / (months.last_day - months.first_day + 1)))::bigint AS cents
            FROM months JOIN allocations a
                ON a.municipality = \(municipality.rawValue) AND a.status IN ('issued', 'acknowledged')
                AND a.valid_from <= months.last_day
                AND least(coalesce(a.stop_date, 'infinity'::date), coalesce(a.valid_until, 'infinity'::date)) >= months.first_day
            GROUP BY 1, 2
            """
        ).rows
        var result: [String: [ProductCategory: Int]] = [:]
        for row in rows {
            let category = try row.parsed("category", as: "ProductCategory", ProductCategory.init(rawValue:))
            result[try row.decode(String.self, "month"), default: [:]][category] = Int(try row.decode(Int64.self, "cents"))
        }
        return result
    }

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
