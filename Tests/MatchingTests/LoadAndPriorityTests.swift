import Contracts
import Foundation
import Matching
import Testing
import WorkingDays

@Suite struct LoadAndPriorityTests {
    let scorer = MatchScorer()

    @Test func theLighterLoadedOfTwoEqualVolunteersGoesFirstAndAFullOneIsSkipped() {
        let busy = Examples.volunteer("Busy", maxMatches: 3)
        let free = Examples.volunteer("Free", maxMatches: 3)
        let full = Examples.volunteer("Full", maxMatches: 3)
        let ranking = scorer.rank(
            Examples.request(),
            candidates: [.init(volunteer: busy, load: 2), .init(volunteer: full, load: 3), .init(volunteer: free, load: 0)],
            on: Examples.today
        )
        #expect(ranking.ranked.map(\.volunteerId) == [free.id, busy.id])
        #expect(ranking.ranked[0].score.load == 15)
        #expect(ranking.ranked[1].score.load == 5)
        #expect(ranking.exclusions == [.fullyBooked: 1])
    }

    @Test func respiteForAnOverburdenedCarerGoesBeforeACrisisAndOlderBeforeNewer() {
        let early = Examples.now
        let later = early.addingTimeInterval(3600)
        let normal = Examples.request(urgency: .normal, receivedAt: early)
        let crisis = Examples.request(urgency: .crisis, receivedAt: later)
        let respite = Examples.request(task: .respiteCare, carerOverburdened: true, receivedAt: later.addingTimeInterval(60))
        let respiteNotOverburdened = Examples.request(task: .respiteCare, receivedAt: early)
        let newerNormal = Examples.request(urgency: .normal, receivedAt: later)
        let ordered = [newerNormal, normal, crisis, respiteNotOverburdened, respite].sorted(by: SupportRequest.byPriority)
        #expect(ordered.map(\.id) == [respite.id, crisis.id, normal.id, respiteNotOverburdened.id, newerNormal.id])
    }

    @Test func aCarerIsOverburdenedFromTheThreshold() {
        func carer(_ burden: Int) -> InformalCarer {
            InformalCarer(
                municipality: .arnhem,
                contact: PersonalContact(stored: "Mieke", phone: "026 000 0000", email: nil),
                consentedAt: Examples.now,
                postcode: "6811",
                place: Examples.centrum,
                caredFor: nil,
                hoursPerWeek: 20,
                since: Examples.today.adding(days: -400),
                burden: burden,
                supportWanted: [.respite],
                registeredAt: Examples.now
            )
        }
        #expect(!carer(6).isOverburdened(threshold: 7))
        #expect(carer(7).isOverburdened(threshold: 7))
    }
}
