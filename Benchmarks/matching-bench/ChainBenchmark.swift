import ArgumentParser
import BenchmarkSupport
import Contracts
import Foundation
import Logging
import Matching
import Messaging
import ReliableMessaging
import ServiceLifecycle
import Storage
import TestKit

/// Matching's chain benchmark (issue 14): with `--volunteers` volunteers loaded (spread over
/// the districts of the three demo municipalities, each registered by their municipality's bench
/// centre), `--requests` `frontdesk.matching.requested` wait on matching's inbound queue; the
/// clock runs from starting the consumer to the last `matching.proposal.offered` on the centres'
/// queue: inbox, ranking from the database, proposal with its token, outbox, relay, confirm.
/// `scripts/matching-bench.sh chain` starts a private broker and database and sets
/// `WMO_TEST_AMQP_URL` and `WMO_TEST_DATABASE_URL`.
struct ChainBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chain",
        abstract: "Measure request → proposal published over the broker and database, with volunteers loaded."
    )

    @Option(help: "Volunteers loaded first.") var volunteers = 100_000
    @Option(help: "frontdesk.matching.requested messages taken in.") var requests = 5_000
    @Option(help: "Database connections of the service's pool.") var poolSize = 8
    @Option(help: "Random seed.") var seed: UInt64 = 20_261_204

    func validate() throws {
        guard volunteers > 0, requests > 0, poolSize > 0 else { throw ValidationError("counts must be positive") }
    }

    func run() async throws {
        var logger = Logger(label: "matching-bench")
        logger.logLevel = .error
        let url = try AMQPURL(parsing: TestServers.amqpURL)
        let map = try DistrictMap.bundled()
        let municipalities: [MunicipalityCode] = [.arnhem, .nijmegen, .overbetuwe]
        let places = municipalities.flatMap { code in map.districts(of: code).compactMap { map.place(district: $0, in: code) } }

        let (schema, pool) = try await TestDatabase.freshSchema("mbench", migrations: MatchingMigrations.all, poolSize: poolSize)
        try await pool.withTransaction { tx in
            for code in municipalities {
                try AccountRepository.upsertCentre(BenchVolunteers.centre(of: code), name: "Benchcentrale \(code.rawValue)", in: tx)
            }
        }
        let loadStart = ContinuousClock.now
        try await BenchVolunteers.load(volunteers, places: places, in: pool)
        print(
            "matching-bench: loaded \(volunteers) volunteers in \(places.count) districts of \(municipalities.count) municipalities in "
                + String(format: "%.1f s", (ContinuousClock.now - loadStart).seconds)
        )

        let publisher = Publisher(url: url, name: "matching-bench-relay", topology: MatchingTopology.topology, logger: logger)
        let relay = OutboxRelay(pool: pool, publisher: publisher, producer: "matching", logger: logger)
        let service = MatchingService(
            pool: pool,
            settings: MatchingSettings(districts: map, publicBaseURL: "https://matching.example"),
            relay: relay
        )
        let inbound = MatchingTopology.inboundQueue(name: "matching.inbound.bench")
        // Where the centres would take their offers: one queue that the run counts and deletes.
        let offers = Topology.Queue(
            name: "matching.bench.offers",
            bindings: municipalities.map {
                .init(routingKey: MatchingTopology.routingKey(ProposalOffered.messageType, for: BenchVolunteers.centre(of: $0)))
            }
        )
        let admin = try BrokerAdmin()
        try await admin.declare(Topology.standard(queues: [inbound, offers]))
        let consumer = InboxConsumer(
            url: url,
            queue: inbound,
            topology: Topology.standard(queues: [inbound]),
            pool: pool,
            handlers: MatchingHandlers.make(service: service),
            relay: relay,
            logger: logger,
            prefetch: 500,
            batchSize: 50
        )

        var random = SeededRandom(seed: seed)
        let sender = Publisher(url: url, name: "matching-bench-desk", logger: logger)
        for _ in 0..<requests {
            let place = places.randomElement(using: &random)!
            let request = MatchingRequested(
                requestId: UUID(),
                subjectRef: SubjectRef(),
                task: VolunteerTask.allCases.randomElement(using: &random)!,
                district: place.district,
                question: "Iemand die wekelijks helpt.",
                certificateRequired: Int.random(in: 0..<4, using: &random) == 0,
                urgency: .normal
            )
            let envelope = Envelope(request, correlationId: request.requestId, municipality: place.municipality, producer: "front-desk")
            try await sender.publish(
                OutgoingMessage(
                    exchange: Topology.eventsExchange,
                    routingKey: MatchingRequested.messageType,
                    body: try ContractJSON.encoder().encode(envelope),
                    properties: MessageProperties(messageId: envelope.header.messageId.uuidString.lowercased(), type: MatchingRequested.messageType)
                )
            )
        }
        await sender.close()
        print("matching-bench: \(requests) frontdesk.matching.requested waiting on \(inbound.name)")
        // As the service does at start: the volunteers into its candidate index, before the clock runs.
        let indexed = try await service.loadCandidateIndex()
        print("matching-bench: candidate index of \(volunteers) volunteers loaded in \(indexed)")

        let group = ServiceGroup(configuration: .init(services: [.init(service: relay), .init(service: consumer)], logger: logger))
        var failure: (any Error)?
        await withTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try? await group.run() }
            do {
                let start = ContinuousClock.now
                let deadline = start + .seconds(600)
                var taken = 0
                while taken < requests {
                    guard ContinuousClock.now < deadline else { throw ValidationError("only \(taken) of \(requests) requests taken in") }
                    try await Task.sleep(for: .milliseconds(20))
                    taken = try await Self.count(pool, "SELECT count(*) FROM support_requests")
                }
                let stored = ContinuousClock.now
                var published = 0
                let proposed = try await Self.count(pool, "SELECT count(*) FROM proposals")
                while published < proposed {
                    guard ContinuousClock.now < deadline else { throw ValidationError("only \(published) of \(proposed) offers published") }
                    try await Task.sleep(for: .milliseconds(5))
                    published = try await admin.messageCount(offers.name)
                }
                let done = ContinuousClock.now
                print(
                    "matching-bench: \(proposed) of \(requests) requests got a proposal (the rest wait for a volunteer); stored in "
                        + String(format: "%.2f s", (stored - start).seconds)
                )
                print(
                    BenchmarkResult(
                        name: "request → proposal published (\(volunteers / 1000)k vol.)",
                        count: requests,
                        unit: .requests,
                        seconds: (done - start).seconds
                    ).line()
                )
            } catch {
                failure = error
            }
            await group.triggerGracefulShutdown()
            await tasks.waitForAll()
        }
        await publisher.close()
        try? await admin.delete(inbound)
        try? await admin.delete(offers)
        _ = try? await pool.withConnection { try $0.executeSimple("SET client_min_messages = warning; DROP SCHEMA \"\(schema)\" CASCADE") }
        if let failure { throw failure }
    }

    static func count(_ pool: ConnectionPool, _ sql: String) async throws -> Int {
        try await pool.withConnection { try $0.query(SQLQuery(unsafeSQL: sql)).single().decode(Int.self, at: 0) }
    }
}
