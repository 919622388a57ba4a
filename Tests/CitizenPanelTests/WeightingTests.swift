import CitizenPanel
import Contracts
import Testing

/// Weighting by age band, sex and district brings every dimension to the population's shares.
@Suite struct WeightingTests {
    @Test func rakingMatchesEveryMarginAndAveragesOne() {
        // 100 respondents: too many young women from Klarendal, as happens.
        var respondents: [Raking.Profile] = []
        for index in 0..<100 {
            respondents.append([
                .ageBand: index < 70 ? "18-34" : "65-79",
                .sex: index % 4 == 3 ? "male" : "female",
                .district: index < 60 ? "Klarendal" : "Presikhaaf",
            ])
        }
        let margins: [Raking.Dimension: [String: Double]] = [
            .ageBand: ["18-34": 0.5, "65-79": 0.5],
            .sex: ["female": 0.5, "male": 0.5],
            .district: ["Klarendal": 0.4, "Presikhaaf": 0.6],
        ]
        let weights = Raking.weights(of: respondents, margins: margins)
        #expect(weights.count == 100 && weights.allSatisfy { $0 > 0 })
        #expect(abs(weights.reduce(0, +) / 100 - 1) < 1e-9)
        for (dimension, margin) in margins {
            for (category, share) in margin {
                let weighted = zip(respondents, weights).filter { $0.0[dimension] == category }.reduce(0) { $0 + $1.1 } / 100
                #expect(abs(weighted - share) < 1e-6, "\(dimension) \(category): \(weighted)")
            }
        }
    }

    @Test func aCategoryNobodyAnsweredForIsLeftOutOfItsMargin() {
        let respondents: [Raking.Profile] = [[.district: "Klarendal"], [.district: "Klarendal"], [.district: "Presikhaaf"]]
        let weights = Raking.weights(of: respondents, margins: [.district: ["Klarendal": 1, "Presikhaaf": 1, "Schuytgraaf": 1]])
        // Klarendal and Presikhaaf half each; nobody can stand in for Schuytgraaf.
        #expect(abs(weights[0] - 0.75) < 1e-9 && abs(weights[2] - 1.5) < 1e-9)
    }
}

/// The shipped population figures load and give the strata a round is drawn in.
@Suite struct PopulationTests {
    @Test func theReferenceFiguresGiveMarginsAndStrata() throws {
        let population = try Population.bundled()
        let margins = population.margins(of: .arnhem)
        #expect(margins[.district]?.count == 11 && margins[.ageBand]?.count == 5 && margins[.sex]?.count == 2)
        let strata = population.strata(of: .arnhem)
        #expect(strata.count == 55)
        let klarendal = AgeBand.allCases.reduce(0) { $0 + (strata[Stratum(district: "Klarendal", ageBand: $1)] ?? 0) }
        #expect(abs(klarendal - 7_600) <= 3)
        #expect(population.margins(of: .nijmegen).isEmpty)
    }
}
