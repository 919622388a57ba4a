import Contracts
import Foundation
import Matching
import Testing
import WorkingDays

@Suite struct ScoringTests {
    let scorer = MatchScorer()

    @Test func aCloseAvailableVolunteerWithRoomScoresEveryPart() throws {
        let volunteer = Examples.volunteer(maxMatches: 2)
        let score = try scorer.score(Examples.request(), .init(volunteer: volunteer, load: 0), on: Examples.today).get()
        #expect(score.task == 20)
        #expect(score.availability == 25, "three slots overlap a request for any time")
        #expect(score.distance == 25, "same district: 0 km")
        #expect(score.language == 15, "no language asked")
        #expect(score.load == 15)
        #expect(score.total == 100)
        #expect(score.kilometres == 0)
    }

    @Test func distanceCountsDownToTheVolunteersOwnMaximumAndBeyondItExcludes() throws {
        let request = Examples.request(place: Examples.presikhaaf)
        let near = try scorer.score(request, .init(volunteer: Examples.volunteer(maxDistanceKm: 10), load: 0), on: Examples.today).get()
        let kilometres = try #require(near.kilometres)
        #expect(kilometres > 2 && kilometres < 4, "Centrum to Presikhaaf is about 2.6 km, got \(kilometres)")
        #expect(near.distance < 25 && near.distance > 15)
        #expect(
            scorer.score(request, .init(volunteer: Examples.volunteer(maxDistanceKm: 2), load: 0), on: Examples.today).exclusion == .tooFar
        )
    }

    @Test func availabilityOverlapIsScoredAndNoOverlapExcludes() throws {
        let wanted = WeeklyAvailability([(.monday, .morning), (.tuesday, .morning), (.thursday, .evening)])
        let score = try scorer.score(
            Examples.request(timeWindows: wanted),
            .init(volunteer: Examples.volunteer(), load: 0),
            on: Examples.today
        ).get()
        #expect(score.availability == 25 / 3, "one of three wanted slots")
        let never = WeeklyAvailability([(.sunday, .evening)])
        #expect(
            scorer.score(Examples.request(timeWindows: never), .init(volunteer: Examples.volunteer(), load: 0), on: Examples.today).exclusion
                == .notAvailable
        )
    }

    @Test func aLanguageAskedForCountsButDoesNotExclude() throws {
        let request = Examples.request(language: "tr")
        let dutch = try scorer.score(request, .init(volunteer: Examples.volunteer(languages: ["nl"]), load: 0), on: Examples.today).get()
        let turkish = try scorer.score(request, .init(volunteer: Examples.volunteer(languages: ["nl", "tr"]), load: 0), on: Examples.today).get()
        #expect(dutch.language == 0)
        #expect(turkish.language == 15)
    }

    @Test func theTaskMustBeOfferedAndAPauseExcludes() {
        let request = Examples.request(task: .paperwork)
        #expect(scorer.score(request, .init(volunteer: Examples.volunteer(), load: 0), on: Examples.today).exclusion == .taskNotOffered)
        let pause = try! Volunteer.Pause(from: Examples.today.adding(days: -1), until: Examples.today.adding(days: 7))
        #expect(
            scorer.score(Examples.request(), .init(volunteer: Examples.volunteer(pauses: [pause]), load: 0), on: Examples.today).exclusion
                == .paused
        )
    }

    @Test func aRequestWithoutAPlaceIsRankedWithoutDistance() throws {
        let score = try scorer.score(Examples.request(place: nil), .init(volunteer: Examples.volunteer(), load: 0), on: Examples.today).get()
        #expect(score.distance == 0)
        #expect(score.kilometres == nil)
    }

    @Test func theRankingIsBestFirstAndExplainsTheExclusions() {
        let close = Examples.volunteer("Close")
        let far = Examples.volunteer("Far", place: Examples.schuytgraaf)
        let wrongTask = Examples.volunteer("Klusser", tasks: [.oddJobs])
        let ranking = scorer.rank(
            Examples.request(),
            candidates: [far, wrongTask, close].map { .init(volunteer: $0, load: 0) },
            on: Examples.today
        )
        #expect(ranking.ranked.map(\.volunteerId) == [close.id, far.id])
        #expect(ranking.exclusions == [.taskNotOffered: 1])
        let none = scorer.rank(Examples.request(task: .meals), candidates: [.init(volunteer: close, load: 0)], on: Examples.today)
        #expect(none.ranked.isEmpty)
        #expect(none.failureReason.contains("1 biedt deze taak niet aan"))
    }

    @Test func aVolunteerWhoDeclinedIsNotProposedAgain() {
        let volunteer = Examples.volunteer()
        let ranking = scorer.rank(
            Examples.request(),
            candidates: [.init(volunteer: volunteer, load: 0)],
            on: Examples.today,
            declined: [volunteer.id]
        )
        #expect(ranking.ranked.isEmpty)
        #expect(ranking.exclusions == [.declinedBefore: 1])
    }
}

extension Result where Failure == Exclusion {
    /// The exclusion, or `nil` when the candidate is eligible.
    var exclusion: Exclusion? {
        if case .failure(let exclusion) = self { return exclusion }
        return nil
    }
}
