public import Contracts
import Foundation
public import Storage
public import WorkingDays

/// Het kostenregister van het budget: the committed cost as a step function per municipality
/// and category — `+monthly cost` on an allocation's first day, `−monthly cost` the day after
/// its end (or stop) — kept up to date as allocations are issued, rejected, withdrawn and
/// stopped. One row per municipality, category and day (summed), so the budget view reads a few
/// thousand rows instead of every allocation, and a decision's overrun check stays cheap.
public enum BudgetLedger {
    /// Fills the ledger from the allocations table (migration indication-0008, and bulk loads):
    /// every counted allocation's first day and the day after its end or stop.
    public static let rebuildSQL = """
        INSERT INTO budget_ledger (municipality, category, day, cents)
        SELECT municipality, category, day, sum(cents) FROM (
            SELECT municipality, category, valid_from AS day, monthly_cost_cents AS cents
            FROM allocations WHERE status IN ('issued', 'acknowledged')
            UNION ALL
            SELECT municipality, category,
                least(coalesce(stop_date, 'infinity'::date), coalesce(valid_until, 'infinity'::date)) + 1, -monthly_cost_cents
            FROM allocations WHERE status IN ('issued', 'acknowledged') AND (stop_date IS NOT NULL OR valid_until IS NOT NULL)
        ) AS steps
        GROUP BY 1, 2, 3
        ON CONFLICT (municipality, category, day) DO UPDATE SET cents = budget_ledger.cents + excluded.cents
        """

    /// The ledger entries an allocation contributes while it counts (issued or acknowledged).
    static func entries(of allocation: Allocation?) -> [(day: LocalDate, cents: Int)] {
        guard let allocation, allocation.status == .issued || allocation.status == .acknowledged else { return [] }
        var result = [(allocation.validFrom, allocation.monthlyCostCents)]
        let ends = [allocation.validUntil, allocation.stopDate].compactMap { $0 }
        if let end = ends.min() { result.append((end.adding(days: 1), -allocation.monthlyCostCents)) }
        return result
    }

    /// Moves the ledger from what `old` contributed to what `new` contributes (either may be
    /// `nil`: a new allocation, or one that no longer exists).
    public static func record(from old: Allocation?, to new: Allocation, in tx: Transaction) throws {
        var change: [LocalDate: Int] = [:]
        for entry in entries(of: old) { change[entry.day, default: 0] -= entry.cents }
        for entry in entries(of: new) { change[entry.day, default: 0] += entry.cents }
        for (day, cents) in change where cents != 0 {
            try tx.query(
                """
                INSERT INTO budget_ledger (municipality, category, day, cents) VALUES
                    (\(new.municipality.rawValue), \(new.category.rawValue), \(day.description)::date, \(cents))
                ON CONFLICT (municipality, category, day) DO UPDATE SET cents = budget_ledger.cents + excluded.cents
                """
            )
        }
    }

    /// Cents committed per month (`YYYY-MM`) and category in `municipality` for `count` months
    /// from the month of `from`: the step function integrated over each month's days, divided by
    /// the month's length (an allocation running 18 of 31 days counts 18/31 of its monthly cost).
    public static func committed(
        municipality: MunicipalityCode,
        from: LocalDate,
        months count: Int,
        in tx: Transaction
    ) throws -> [String: [ProductCategory: Int]] {
        let first = LocalDate(year: from.year, month: from.month, day: 1) ?? from
        let months = BudgetRepository.monthNames(from: first, count: count)
        guard let lastMonth = months.last.flatMap({ LocalDate(iso: $0 + "-01") }) else { return [:] }
        let end = Self.lastDay(of: lastMonth)
        // What runs on the first day (every step before it), then the steps inside the window.
        let rows = try tx.query(
            """
            SELECT category, greatest(day, \(first.description)::date)::text AS day, sum(cents)::bigint AS cents
            FROM budget_ledger WHERE municipality = \(municipality.rawValue) AND day <= \(end.description)::date
            GROUP BY 1, 2 ORDER BY 2
            """
        ).rows
        var steps: [ProductCategory: [(day: LocalDate, cents: Int)]] = [:]
        for row in rows {
            let category = try row.parsed("category", as: "ProductCategory", ProductCategory.init(rawValue:))
            steps[category, default: []].append((try row.localDate("day"), Int(try row.decode(Int64.self, "cents"))))
        }
        var result: [String: [ProductCategory: Int]] = [:]
        for (category, list) in steps {
            var rate = 0
            var index = 0
            var day = first
            for month in months {
                guard let start = LocalDate(iso: month + "-01") else { continue }
                let last = Self.lastDay(of: start)
                var sum = 0.0
                while day <= last {
                    while index < list.count, list[index].day <= day {
                        rate += list[index].cents
                        index += 1
                    }
                    sum += Double(rate)
                    day = day.adding(days: 1)
                }
                let days = Double(last.dayNumber - start.dayNumber + 1)
                let cents = Int((sum / days).rounded())
                if cents != 0 { result[month, default: [:]][category] = cents }
            }
        }
        return result
    }

    static func lastDay(of month: LocalDate) -> LocalDate {
        let next =
            month.month == 12
            ? LocalDate(year: month.year + 1, month: 1, day: 1)! : LocalDate(year: month.year, month: month.month + 1, day: 1)!
        return next.adding(days: -1)
    }
}
