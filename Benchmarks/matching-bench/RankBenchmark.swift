import ArgumentParser
import BenchmarkSupport
import Contracts
import Foundation
import Histogram
import Matching
import WorkingDays

/// Matching's ranking benchmark (issue 14): `MatchScorer.rank` over `--volunteers` volunteers of
/// one municipality spread over its districts (random tasks, availability, VOGs, loads, pauses,
/// languages; fixed seed), for `--requests` requests of random tasks, districts and time windows.
/// Pure domain code: no broker or database. Run it as `scripts/matching-bench.sh` (release).
struct RankBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rank",
        abstract: "Measure ranking volunteers for a request (MatchScorer.rank), in memory."
    )

    @Option(help: "Volunteers ranked per request.") var volunteers = 10_000
    @Option(help: "Requests ranked.") var requests = 2_000
    @Option(help: "Random seed.") var seed: UInt64 = 20_261_203

    func validate() throws {
        guard volunteers > 0, requests > 0 else { throw ValidationError("counts must be positive") }
    }

    func run() async throws {
        var random = SeededRandom(seed: seed)
        let map = try DistrictMap.bundled()
        let districts = map.districts(of: .arnhem).compactMap { map.place(district: $0, in: .arnhem) }
        let day = LocalDate(year: 2026, month: 12, day: 7)!
        let tasks = VolunteerTask.allCases
        let candidates = try (0..<volunteers).map { index in
            let offered = Set((0..<Int.random(in: 1...3, using: &random)).map { _ in tasks.randomElement(using: &random)! })
            let vog = Int.random(in: 0..<3, using: &random)
            let volunteer = Volunteer(
                municipality: .arnhem,
                contact: PersonalContact(stored: "Vrijwilliger \(index)", phone: "0612345678", email: nil),
                consentedAt: Date(),
                postcode: "6811",
                place: districts.randomElement(using: &random)!,
                tasks: offered,
                availability: WeeklyAvailability(mask: UInt32.random(in: 1..<(1 << 21), using: &random)),
                maxDistanceKm: Int.random(in: 2...15, using: &random),
                languages: Int.random(in: 0..<5, using: &random) == 0 ? ["nl", "tr"] : ["nl"],
                certificate: vog == 0
                    ? .absent : CertificateOfConduct(stored: .issued, issuedOn: day.adding(days: -Int.random(in: 0..<1500, using: &random))),
                maxMatches: Int.random(in: 1...3, using: &random),
                pauses: Int.random(in: 0..<20, using: &random) == 0 ? [try Volunteer.Pause(from: day, until: day.adding(days: 14))] : []
            )
            return MatchScorer.Candidate(volunteer: volunteer, load: Int.random(in: 0...2, using: &random))
        }
        let asks = (0..<requests).map { _ in
            let task = tasks.randomElement(using: &random)!
            let place = districts.randomElement(using: &random)!
            return SupportRequest(
                municipality: .arnhem,
                origin: .frontDesk,
                requestId: UUID(),
                subjectRef: SubjectRef(),
                task: task,
                place: place,
                district: place.district,
                question: "Benchmark",
                timeWindows: Int.random(in: 0..<3, using: &random) == 0
                    ? .always : WeeklyAvailability(mask: UInt32.random(in: 1..<(1 << 21), using: &random)),
                language: Int.random(in: 0..<10, using: &random) == 0 ? "tr" : nil,
                certificateRequired: false,
                urgency: .normal,
                receivedAt: Date(),
                failOn: day.adding(days: 14)
            )
        }
        let scorer = MatchScorer()
        var histogram = makeHistogram()
        var proposed = 0
        let clock = ContinuousClock()
        let started = clock.now
        for request in asks {
            let before = clock.now
            let ranking = scorer.rank(request, candidates: candidates, on: day, limit: 10)
            let elapsed = clock.now - before
            histogram.record(UInt64(max(1, elapsed.components.attoseconds / 1_000_000_000_000 + elapsed.components.seconds * 1_000_000)))
            if !ranking.ranked.isEmpty { proposed += 1 }
        }
        let total = clock.now - started
        let seconds = Double(total.components.seconds) + Double(total.components.attoseconds) / 1e18
        print("matching-bench: \(volunteers) volunteers in \(districts.count) districts, \(requests) requests, \(proposed) with a proposal")
        print(
            BenchmarkResult(
                name: "rank \(volunteers) volunteers for a request",
                count: requests,
                unit: .requests,
                seconds: seconds,
                latency: histogram
            ).line()
        )
    }
}
