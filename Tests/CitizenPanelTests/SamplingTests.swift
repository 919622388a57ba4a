import CitizenPanel
import Testing

/// The round's sample follows the population per district × age band (SPEC §6).
@Suite struct SamplingTests {
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let population: [Stratum: Int] = [
        Stratum(district: "Klarendal", ageBand: .from18to34): 3_000,
        Stratum(district: "Klarendal", ageBand: .from65to79): 1_000,
        Stratum(district: "Presikhaaf", ageBand: .from18to34): 2_500,
        Stratum(district: "Presikhaaf", ageBand: .from65to79): 2_500,
        Stratum(district: "Schuytgraaf", ageBand: .from80): 1_000,
    ]

    @Test func eachStratumGetsItsShareOfThePopulation() {
        let plenty = Self.population.mapValues { _ in 10_000 }
        let allocation = StratifiedSample.allocate(size: 1_000, population: Self.population, available: plenty)
        #expect(allocation.values.reduce(0, +) == 1_000)
        for (stratum, people) in Self.population {
            #expect(allocation[stratum] == people / 10, "\(stratum)")
        }
    }

    @Test func whatASmallStratumCannotTakeGoesToTheOthersInProportion() {
        var available = Self.population.mapValues { _ in 10_000 }
        let oldest = Stratum(district: "Schuytgraaf", ageBand: .from80)
        available[oldest] = 40
        let allocation = StratifiedSample.allocate(size: 1_000, population: Self.population, available: available)
        #expect(allocation[oldest] == 40)
        #expect(allocation.values.reduce(0, +) == 1_000)
        // The other 960 in proportion 3000 : 1000 : 2500 : 2500.
        #expect(allocation[Stratum(district: "Klarendal", ageBand: .from18to34)] == 320)
        #expect(
            allocation[Stratum(district: "Klarendal", ageBand: .from65to79)] == 107
                || allocation[Stratum(district: "Klarendal", ageBand: .from65to79)] == 106
        )
        // Never more than there are members.
        let few = StratifiedSample.allocate(size: 1_000, population: Self.population, available: Self.population.mapValues { _ in 10 })
        #expect(few.values.allSatisfy { $0 == 10 })
    }

    @Test func theDrawnMembersMatchThePopulationWithinTolerance() {
        var random = Seeded(state: 42)
        var members: [(id: Int, stratum: Stratum)] = []
        // The panel over-represents the young in Klarendal, as panels do.
        for (stratum, people) in Self.population {
            let joined = stratum == Stratum(district: "Klarendal", ageBand: .from18to34) ? people : people / 3
            for _ in 0..<joined { members.append((id: members.count, stratum: stratum)) }
        }
        let invited = StratifiedSample.draw(size: 834, population: Self.population, members: members, using: &random)
        #expect(invited.count == 834 && Set(invited).count == 834)
        let strata = Dictionary(uniqueKeysWithValues: members.map { ($0.id, $0.stratum) })
        let drawn = Dictionary(grouping: invited, by: { strata[$0]! }).mapValues(\.count)
        let total = Double(Self.population.values.reduce(0, +))
        for (stratum, people) in Self.population {
            let expected = Double(people) / total
            let actual = Double(drawn[stratum] ?? 0) / 834
            #expect(abs(actual - expected) < 0.005, "\(stratum): \(actual) against \(expected)")
        }
    }

    @Test func theRoundIsLargeEnoughForFiveHundredAndPublishedFrom475() {
        #expect(Representativeness.roundSize(responseRate: 0.6) == 834)
        #expect(Representativeness.roundSize(responseRate: 0.8) == 625)
        #expect(!Representativeness.isPublishable(completed: 474))
        #expect(Representativeness.isPublishable(completed: 475))
    }
}
