import Contracts
import Indication
import Testing

/// The budget's earmarked parts and the threshold of a threatened overrun.
@Suite("Social-domain budget")
struct BudgetRuleTests {
    @Test func anOverrunIsThreatenedFromTheThresholdOfAPartsBudget() {
        let budget = SocialDomainBudget(monthlyCents: [.arnhem: [.wmo: 100_000]], parts: [.support: .youth], thresholdPercent: 90)
        #expect(!budget.isThreatened(committed: 89_999, budget: 100_000))
        #expect(budget.isThreatened(committed: 90_000, budget: 100_000))
        #expect(!budget.isThreatened(committed: 5, budget: 0), "a zero budget is not watched")
        #expect(budget.part(of: .support) == .youth && budget.part(of: .householdHelp) == .wmo)
    }

    @Test func theViewAddsCategoriesUpPerPart() {
        let budget = SocialDomainBudget(monthlyCents: [.arnhem: [.wmo: 100_000, .youth: 10_000]], parts: [.support: .youth])
        let view = BudgetView(
            municipality: .arnhem,
            months: ["2027-01", "2027-02"],
            committed: ["2027-01": [.householdHelp: 40_000, .personalCare: 55_000, .support: 2_000]],
            budget: budget
        )
        let january = view.months[0].parts
        #expect(january.first { $0.part == .wmo }?.committedCents == 95_000)
        #expect(january.first { $0.part == .wmo }?.threatened == true && january.first { $0.part == .wmo }?.percent == 95)
        #expect(january.first { $0.part == .youth }?.committedCents == 2_000 && january.first { $0.part == .youth }?.threatened == false)
        #expect(january.first { $0.part == .participation }?.budgetCents == nil)
        #expect(view.months[1].parts.allSatisfy { $0.committedCents == 0 })
    }
}
