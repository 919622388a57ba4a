import Contracts
import Foundation
import Indication
import Testing

/// Matrix scores, client-profile suggestion and choice.
@Suite("Self-Sufficiency Matrix and client profiles")
struct AssessmentTests {
    @Test func scoresOutsideOneToFiveAndUnknownDomainsAreRefused() {
        #expect(throws: IndicationError.scoreOutOfRange(domain: .finances, score: 6)) { try MatrixScores([.finances: 6]) }
        #expect(throws: IndicationError.scoreOutOfRange(domain: .housing, score: 0)) { try MatrixScores(named: ["housing": 0]) }
        #expect(throws: IndicationError.unknownDomain("wellbeing")) { try MatrixScores(named: ["wellbeing": 3]) }
        #expect(throws: IndicationError.noScores) { try MatrixScores([:]) }
    }

    @Test func theChangePerDomainShowsOverTime() throws {
        let first = try MatrixScores([.finances: 2, .housing: 3, .basicADL: 4])
        let second = try MatrixScores([.finances: 4, .housing: 3, .mentalHealth: 2])
        #expect(second.change(since: first) == [.finances: 2, .housing: 0])
        #expect(first.listVersion == LifeDomain.listVersion)
    }

    @Test func theCatalogueHasNineProfilesAsData() throws {
        let catalogue = try ClientProfileCatalogue.bundled()
        #expect(catalogue.profiles.map(\.id) == Array(1...9))
        #expect(catalogue.profiles.allSatisfy { !$0.name.isEmpty && !$0.pattern.isEmpty })
        #expect(throws: IndicationError.unknownProfile(10)) { try catalogue.profile(10) }
    }

    @Test(arguments: 1...9)
    func aProfilesOwnPatternSuggestsThatProfile(_ id: Int) throws {
        let catalogue = try ClientProfileCatalogue.bundled()
        let profile = try catalogue.profile(id)
        var scores = Dictionary(uniqueKeysWithValues: LifeDomain.allCases.map { ($0, catalogue.defaultScore) })
        for (domain, score) in profile.pattern { scores[domain] = score }
        let suggestion = catalogue.suggest(for: try MatrixScores(scores))
        #expect(suggestion.profileID == id)
        #expect(suggestion.distance == 0)
        #expect(suggestion.reason.hasPrefix("Profiel \(id) (\(profile.name))"))
    }

    @Test func aFrailElderlyPatternSuggestsProfileThreeWithTheDomainsAsReason() throws {
        let catalogue = try ClientProfileCatalogue.bundled()
        let scores = try MatrixScores([.physicalHealth: 2, .basicADL: 2, .instrumentalADL: 1, .socialNetwork: 3, .finances: 4])
        let suggestion = catalogue.suggest(for: scores)
        #expect(suggestion.profileID == 3)
        #expect(suggestion.matchingDomains.contains(.basicADL))
        #expect(suggestion.reason.contains("Basale ADL 2"))
    }

    @Test func overridingTheSuggestionNeedsAReasonConfirmingDoesNot() throws {
        let by = AssessorID("iris")
        #expect(throws: IndicationError.overrideWithoutReason(suggested: 3)) {
            try ProfileChoice(profileID: 2, suggestedID: 3, catalogueVersion: "v", reason: " ", chosenBy: by, chosenAt: Date())
        }
        let confirmed = try ProfileChoice(profileID: 3, suggestedID: 3, catalogueVersion: "v", reason: nil, chosenBy: by, chosenAt: Date())
        #expect(!confirmed.isOverride)
        let overridden = try ProfileChoice(
            profileID: 2,
            suggestedID: 3,
            catalogueVersion: "v",
            reason: "Beperking is blijvend",
            chosenBy: by,
            chosenAt: Date()
        )
        #expect(overridden.isOverride)
    }
}
