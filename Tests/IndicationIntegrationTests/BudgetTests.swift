import Contracts
import Foundation
import Indication
import Messaging
import TestKit
import Testing

extension IndicationIntegration {
    /// The budget view (SPEC §3): committed cost per earmarked part and month from the
    /// allocations' tariffs and volumes, prorated by day; a threatened overrun is signalled once
    /// per part and month.
    @Suite
    struct BudgetTests {
        @Test func committedCostPerMonthAndTheOverrunSignalledOnce() async throws {
            // €500 a month for Wmo in Arnhem, threatened from 80%: €400.
            let budget = SocialDomainBudget(monthlyCents: [.arnhem: [.wmo: 50_000]], thresholdPercent: 80)
            let fixture = try await IndicationFixture.make("budget", budget: budget)
            try await fixture.logins.ensure(fixture.provider, kind: "provider", withQueue: true)
            try await fixture.run {
                // 3 hours a week of household help at €32.50 from Monday 14 December 2026 to
                // 13 December 2027: €422.50 a month, 18 of December's 31 days.
                let (request, decided) = try await ProviderExchangeTests.decidedCase(fixture)
                #expect(decided.allocations.first?.monthlyCostCents == 42_250)
                let view = try await fixture.service.budget(by: fixture.arnhem)
                #expect(view.months.count == 12 && view.months.first?.month == "2026-12")
                let wmo = view.months.map { month in month.parts.first { $0.part == .wmo }! }
                #expect(wmo[0].committedCents == 24_532 && !wmo[0].threatened)
                #expect(wmo[1].committedCents == 42_250 && wmo[1].threatened && wmo[1].percent == 85)
                #expect(view.months.allSatisfy { $0.parts.first { $0.part == .youth }?.budgetCents == nil })

                // January to November 2027 reach the threshold: one signal each.
                let events = try await fixture.observedEvents(12, about: request.requestId)
                let signals = try events.filter { $0.routingKey == BudgetOverrunThreatened.messageType }.map {
                    try ContractJSON.decoder().decode(Envelope<BudgetOverrunThreatened>.self, from: $0.body).payload
                }
                #expect(signals.map(\.month) == (1...11).map { String(format: "2027-%02d", $0) })
                #expect(signals.allSatisfy { $0.part == "wmo" && $0.budgetCents == 50_000 && $0.thresholdPercent == 80 })
                #expect(await fixture.count("SELECT count(*) FROM budget_signals") == 11)

                // A second client: December now reaches it too; the months signalled before are not again.
                let (second, _) = try await ProviderExchangeTests.decidedCase(fixture)
                let more = try await fixture.observedEvents(2, about: second.requestId).filter {
                    $0.routingKey == BudgetOverrunThreatened.messageType
                }
                #expect(more.count == 1)
                #expect(await fixture.count("SELECT count(*) FROM budget_signals") == 12)
                let after = try await fixture.service.budget(by: fixture.arnhem)
                #expect(after.months[1].parts.first { $0.part == .wmo }?.committedCents == 84_500)
            }
        }
    }
}
