import Foundation
import Matching
import Testing

@Suite struct ProposalLifecycleTests {
    let score = ScoreParts(task: 20, availability: 25, distance: 20, language: 15, load: 15, kilometres: 1.2)

    @Test func proposedThenAcceptedThenActiveThenEndedWithAnEvaluation() throws {
        var proposal = Proposal(requestId: UUID(), volunteerId: UUID(), score: score, proposedAt: Examples.now)
        try proposal.accept(at: Examples.now)
        #expect(proposal.status == .accepted)
        try proposal.start(at: Examples.now)
        #expect(proposal.status == .active)
        #expect(throws: MatchingError.evaluationMissing) { try proposal.end(evaluation: "  ", at: Examples.now) }
        try proposal.end(evaluation: "Goed verlopen, boodschappen elke week gedaan.", at: Examples.now)
        #expect(proposal.status == .ended)
        #expect(!proposal.status.countsAsLoad)
    }

    @Test func anAnsweredProposalCannotBeAnsweredAgain() throws {
        var taken = Proposal(requestId: UUID(), volunteerId: UUID(), score: score, proposedAt: Examples.now)
        try taken.accept(at: Examples.now)
        #expect(throws: MatchingError.proposalNotOpen("accepted")) { try taken.accept(at: Examples.now) }
        #expect(throws: MatchingError.proposalNotOpen("accepted")) { try taken.decline(reason: nil, at: Examples.now) }
        var declined = Proposal(requestId: UUID(), volunteerId: UUID(), score: score, proposedAt: Examples.now)
        try declined.decline(reason: "Geen tijd", at: Examples.now)
        #expect(throws: MatchingError.matchNotAccepted("declined")) { try declined.start(at: Examples.now) }
        #expect(throws: MatchingError.proposalNotOpen("declined")) { try declined.lapse(at: Examples.now) }
    }

    @Test func openAcceptedAndActiveProposalsCountAsTheVolunteersLoad() {
        #expect(Proposal.Status.allCases.filter(\.countsAsLoad) == [.proposed, .accepted, .active])
        #expect(score.total == 95)
    }
}
