public import Contracts

/// Geoormerkt deel van het sociaal-domeinbudget: the earmarked parts of one unpartitioned budget.
public enum BudgetPart: String, Sendable, Hashable, Codable, CaseIterable {
    case wmo
    case youth
    case participation

    public var dutchName: String {
        switch self {
        case .wmo: "Wmo"
        case .youth: "Jeugd"
        case .participation: "Participatie"
        }
    }
}

/// Het budget sociaal domein (SPEC §3): per municipality a monthly amount per earmarked part,
/// which part each product category is paid from, and the share of a part's budget at which
/// committed cost counts as a threatened overrun (signalled before it happens).
public struct SocialDomainBudget: Sendable, Hashable {
    /// Monthly budget in cents per municipality and part; a part without a budget is not watched.
    public var monthlyCents: [MunicipalityCode: [BudgetPart: Int]]
    /// The part a category is paid from (default: Wmo, as every category of SPEC 7.3 is a Wmo
    /// provision).
    public var parts: [ProductCategory: BudgetPart]
    /// Percent of a part's monthly budget from which an overrun is threatened (default 90).
    public var thresholdPercent: Int

    public init(monthlyCents: [MunicipalityCode: [BudgetPart: Int]] = [:], parts: [ProductCategory: BudgetPart] = [:], thresholdPercent: Int = 90) {
        self.monthlyCents = monthlyCents
        self.parts = parts
        self.thresholdPercent = thresholdPercent
    }

    /// The part `category` is paid from.
    public func part(of category: ProductCategory) -> BudgetPart { parts[category] ?? .wmo }

    /// The monthly budget of `part` in `municipality`, when it has one.
    public func budget(of part: BudgetPart, in municipality: MunicipalityCode) -> Int? { monthlyCents[municipality]?[part] }

    /// True when `committed` cents reach the threshold of a `budget` (an overrun is threatened).
    public func isThreatened(committed: Int, budget: Int) -> Bool {
        budget > 0 && committed * 100 >= budget * thresholdPercent
    }
}

/// The committed cost of a municipality per part and month, against the budget: what the
/// controller sees.
public struct BudgetView: Sendable, Hashable, Codable {
    /// One part in one month.
    public struct Line: Sendable, Hashable, Codable {
        public let part: BudgetPart
        /// Monthly budget in cents; absent when the part has none configured.
        public let budgetCents: Int?
        /// Committed cost in cents: active allocations' monthly cost, prorated by day.
        public let committedCents: Int
        /// Committed as a percentage of the budget (absent without a budget).
        public let percent: Int?
        public let threatened: Bool
    }

    public struct Month: Sendable, Hashable, Codable {
        /// `YYYY-MM`.
        public let month: String
        public let parts: [Line]
    }

    public let municipality: MunicipalityCode
    public let thresholdPercent: Int
    public let months: [Month]

    /// The view of `committed` (cents per month and category) under `budget`.
    public init(
        municipality: MunicipalityCode,
        months: [String],
        committed: [String: [ProductCategory: Int]],
        budget: SocialDomainBudget
    ) {
        self.municipality = municipality
        thresholdPercent = budget.thresholdPercent
        self.months = months.map { month in
            var perPart: [BudgetPart: Int] = [:]
            for (category, cents) in committed[month] ?? [:] { perPart[budget.part(of: category), default: 0] += cents }
            return Month(
                month: month,
                parts: BudgetPart.allCases.map { part in
                    let cents = perPart[part] ?? 0
                    let limit = budget.budget(of: part, in: municipality)
                    return Line(
                        part: part,
                        budgetCents: limit,
                        committedCents: cents,
                        percent: limit.flatMap { $0 > 0 ? Int((Double(cents) * 100 / Double($0)).rounded()) : nil },
                        threatened: limit.map { budget.isThreatened(committed: cents, budget: $0) } ?? false
                    )
                }
            )
        }
    }
}
