public import Contracts
import Foundation
public import Storage
import StoredVocabulary
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
            tx.executeLater(
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
        let months = Self.months(from: from, count: count)
        guard let first = months.first, let lastMonth = months.last else { return [:] }
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
            for start in months {
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
                if cents != 0 { result[Self.name(of: start), default: [:]][category] = cents }
            }
        }
        return result
    }

    /// The first days of `count` months from the month of `from`.
    public static func months(from: LocalDate, count: Int) -> [LocalDate] {
        (0..<count).compactMap { offset in
            let index = from.year * 12 + (from.month - 1) + offset
            return LocalDate(year: index / 12, month: index % 12 + 1, day: 1)
        }
    }

    /// `YYYY-MM` for the month of `day`.
    public static func name(of day: LocalDate) -> String { String(format: "%04d-%02d", day.year, day.month) }

    /// The last day of the month that starts on `month`.
    static func lastDay(of month: LocalDate) -> LocalDate { Self.months(from: month, count: 2)[1].adding(days: -1) }
}
