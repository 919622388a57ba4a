import Contracts
import Foundation
import Storage
import TestKit
import Testing
import WorkingDays

@testable import Matching

extension MatchingIntegration {
    /// The index's shortlist (`CandidateIndex`, kept up to date by `VolunteerChanges`) keeps to
    /// `MatchScorer`: the same eligible volunteers, in the scorer's order, so the proposal is the
    /// one ranking everyone would make; also after volunteers changed.
    @Suite
    struct ShortlistTests {
        /// SplitMix64, so that a failure can be replayed.
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

        @Test func theShortlistHoldsTheScorersEligibleVolunteersInTheScorersOrder() async throws {
            let fixture = try await MatchingFixture.make("shortlist")
            try await fixture.run {
                var random = Seeded(state: 20_261_204)
                let map = try DistrictMap.bundled()
                let places = map.districts(of: .arnhem).compactMap { map.place(district: $0, in: .arnhem) }
                let day = LocalDate(year: 2026, month: 12, day: 7)!
                let tasks = VolunteerTask.allCases
                let volunteers = try (0..<400).map { index in
                    try Volunteer(
                        municipality: .arnhem,
                        contact: PersonalContact(stored: "Vrijwilliger \(index)", phone: "0612345678", email: nil),
                        consentedAt: TestClock.at(2026, 11, 1),
                        postcode: "6811",
                        place: places.randomElement(using: &random)!,
                        tasks: Set((0..<Int.random(in: 1...3, using: &random)).map { _ in tasks.randomElement(using: &random)! }),
                        availability: WeeklyAvailability(
                            mask: UInt32.random(in: 1..<(1 << 21), using: &random) & UInt32.random(in: 1..<(1 << 21), using: &random)
                        ),
                        maxDistanceKm: Int.random(in: 1...8, using: &random),
                        languages: Int.random(in: 0..<3, using: &random) == 0 ? ["nl", "tr"] : ["nl"],
                        certificate: [
                            CertificateOfConduct.absent, CertificateOfConduct(stored: .applied, issuedOn: nil),
                            CertificateOfConduct(stored: .issued, issuedOn: day.adding(days: -Int.random(in: 0..<1400, using: &random))),
                        ].randomElement(using: &random)!,
                        maxMatches: Int.random(in: 1...3, using: &random),
                        pauses: Int.random(in: 0..<6, using: &random) == 0
                            ? [try Volunteer.Pause(from: day.adding(days: Int.random(in: -10...3, using: &random)), until: day.adding(days: 5))] : [],
                        isActive: Int.random(in: 0..<15, using: &random) != 0
                    )
                }
                let loaded = volunteers.shuffled(using: &random).prefix(120)
                try await fixture.pool.withTransaction { tx in
                    for volunteer in volunteers { try VolunteerRepository.save(volunteer, registeredAt: TestClock.at(2026, 11, 1), in: tx) }
                    // Some volunteers already have matches: their load counts and can fill them up.
                    let earlier = SupportRequest(
                        municipality: .arnhem,
                        origin: .frontDesk,
                        requestId: UUID(),
                        subjectRef: SubjectRef(),
                        task: .visiting,
                        place: nil,
                        district: nil,
                        question: "Eerder verzoek",
                        certificateRequired: false,
                        urgency: .normal,
                        receivedAt: TestClock.at(2026, 11, 2),
                        failOn: day
                    )
                    _ = try RequestRepository.insert(earlier, in: tx)
                    for (index, volunteer) in loaded.enumerated() {
                        try tx.query(
                            """
                            INSERT INTO proposals (id, support_request, volunteer_id, municipality, score_task, score_availability,
                                score_distance, score_language, score_load, status, proposed_at, answer_by)
                            VALUES (\(UUID()), \(earlier.id), \(volunteer.id), '0202', 20, 0, 0, 0, 0,
                                \(index % 2 == 0 ? "accepted" : "active"), now(), '2026-12-01')
                            """
                        )
                    }
                }
                let scorer = MatchScorer()
                let index = CandidateIndex(validityYears: 3)
                var compared = 0
                for round in 0..<200 {
                    if round == 150 {
                        // Volunteers change: some stop, some get matches, some change their tasks.
                        let stopping = volunteers.shuffled(using: &random).prefix(20)
                        let moving = volunteers.shuffled(using: &random).prefix(5)
                        let matched = volunteers.shuffled(using: &random).prefix(40)
                        try await fixture.pool.withTransaction { tx in
                            for volunteer in stopping {
                                try tx.query("UPDATE volunteers SET active = NOT active WHERE id = \(volunteer.id)")
                            }
                            for volunteer in moving {
                                try tx.query("UPDATE volunteers SET tasks = ARRAY['visiting', 'transport'] WHERE id = \(volunteer.id)")
                            }
                            let earlier = try #require(
                                try tx.query("SELECT id FROM support_requests LIMIT 1").rows.first?.decode(UUID.self, "id")
                            )
                            for volunteer in matched {
                                try tx.query(
                                    """
                                    INSERT INTO proposals (id, support_request, volunteer_id, municipality, score_task, score_availability,
                                        score_distance, score_language, score_load, status, proposed_at, answer_by)
                                    VALUES (\(UUID()), \(earlier), \(volunteer.id), '0202', 20, 0, 0, 0, 0, 'active', now(), '2026-12-01')
                                    """
                                )
                            }
                        }
                    }
                    let place = Int.random(in: 0..<5, using: &random) == 0 ? nil : places.randomElement(using: &random)!
                    let request = SupportRequest(
                        municipality: .arnhem,
                        origin: .frontDesk,
                        requestId: UUID(),
                        subjectRef: SubjectRef(),
                        task: tasks.randomElement(using: &random)!,
                        place: place,
                        district: place?.district,
                        question: "Vergelijking",
                        timeWindows: Int.random(in: 0..<3, using: &random) == 0
                            ? .always : WeeklyAvailability(mask: UInt32.random(in: 1..<(1 << 21), using: &random)),
                        language: Int.random(in: 0..<4, using: &random) == 0 ? "tr" : nil,
                        certificateRequired: Bool.random(using: &random),
                        urgency: .normal,
                        receivedAt: TestClock.at(2026, 12, 7),
                        failOn: day.adding(days: 14)
                    )
                    let declined = Set(volunteers.shuffled(using: &random).prefix(Int.random(in: 0..<30, using: &random)).map(\.id))
                    let (everyone, shortlist) = try await fixture.pool.withTransaction { tx in
                        (
                            try VolunteerRepository.candidates(for: request.task, in: .arnhem, tx: tx),
                            try {
                                try VolunteerChanges.refresh(index, in: tx)
                                return index.shortlist(for: request, on: day, declined: declined, limit: 1000)
                            }()
                        )
                    }
                    let full = scorer.rank(request, candidates: everyone, on: day, declined: declined, limit: 1000)
                    #expect(shortlist == full.ranked.map(\.volunteerId), "round \(round): request \(request.task) \(place?.district ?? "-")")
                    compared += full.ranked.count
                }
                #expect(compared > 300, "only \(compared) eligible volunteers over all requests")
            }
        }

        struct RolledBack: Error {}

        @Test func aProposalCountedAheadIsForgottenWhenItsTransactionRollsBack() async throws {
            let fixture = try await MatchingFixture.make("index_rollback")
            try await fixture.run {
                let map = try DistrictMap.bundled()
                let place = try #require(map.place(district: "Klarendal", in: .arnhem))
                let day = LocalDate(year: 2026, month: 12, day: 7)!
                let volunteer = try Volunteer(
                    municipality: .arnhem,
                    contact: PersonalContact(stored: "Vrijwilliger", phone: "0612345678", email: nil),
                    consentedAt: TestClock.at(2026, 11, 1),
                    postcode: "6811",
                    place: place,
                    tasks: [.visiting],
                    availability: .always,
                    maxDistanceKm: 5,
                    languages: ["nl"],
                    certificate: .absent,
                    maxMatches: 1,
                    pauses: [],
                    isActive: true
                )
                try await fixture.pool.withTransaction { tx in
                    try VolunteerRepository.save(volunteer, registeredAt: TestClock.at(2026, 11, 1), in: tx)
                }
                let request = SupportRequest(
                    municipality: .arnhem,
                    origin: .frontDesk,
                    requestId: UUID(),
                    subjectRef: SubjectRef(),
                    task: .visiting,
                    place: place,
                    district: place.district,
                    question: "Bezoek",
                    certificateRequired: false,
                    urgency: .normal,
                    receivedAt: TestClock.at(2026, 12, 7),
                    failOn: day.adding(days: 14)
                )
                let index = CandidateIndex(validityYears: 3)
                try await fixture.pool.withTransaction { tx in try VolunteerChanges.refresh(index, in: tx) }
                #expect(index.shortlist(for: request, on: day, declined: [], limit: 3) == [volunteer.id])
                // A transaction proposes them (counted ahead: full, at one match) and rolls back.
                await #expect(throws: RolledBack.self) {
                    try await fixture.pool.withTransaction { tx in
                        try VolunteerChanges.refresh(index, in: tx)
                        let transaction = try tx.query(
                            "UPDATE volunteers SET open_matches = open_matches + 1 WHERE id = \(volunteer.id) RETURNING pg_current_xact_id()::text AS t"
                        ).single().decode(String.self, "t")
                        index.reserve(volunteer.id, by: try #require(UInt64(transaction)))
                        #expect(index.shortlist(for: request, on: day, declined: [], limit: 3).isEmpty)
                        throw RolledBack()
                    }
                }
                // The next transaction reads them again as the database has them: free.
                try await fixture.pool.withTransaction { tx in try VolunteerChanges.refresh(index, in: tx) }
                #expect(index.shortlist(for: request, on: day, declined: [], limit: 3) == [volunteer.id])
                #expect(index.reserved(seenFrom: nil).isEmpty)
            }
        }
    }
}
