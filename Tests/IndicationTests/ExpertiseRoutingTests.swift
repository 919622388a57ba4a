import Contracts
import Foundation
import Indication
import Testing

/// When a case belongs to the expertise team, and who may change it.
@Suite("Expertise team routing")
struct ExpertiseRoutingTests {
    @Test func multiProblemFromTheConfiguredNumberOfDomainsScoredOneOrTwo() throws {
        let rules = RoutingRules(multiProblemDomains: 3)
        #expect(!rules.isMultiProblem(try MatrixScores([.finances: 1, .housing: 2, .mentalHealth: 3])))
        #expect(rules.isMultiProblem(try MatrixScores([.finances: 1, .housing: 2, .mentalHealth: 2])))
    }

    @Test func shelteredHousingIsOutsideTheMandateByDefault() {
        let rules = RoutingRules()
        #expect(rules.needsExpertiseTeam(.shelteredHousing))
        #expect(!rules.needsExpertiseTeam(.householdHelp) && !rules.needsExpertiseTeam(nil))
    }
}
