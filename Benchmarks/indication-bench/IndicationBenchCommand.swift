import ArgumentParser
import BenchmarkSupport
import Contracts
import Foundation
import Histogram
import Indication
import Logging
import Messaging
import ReliableMessaging
import ServiceLifecycle
import Storage
import TestKit
import WorkingDays

/// Indication's benchmark (issue 12): with `--cases` decided cases (one decision and two
/// allocations each) loaded, (a) intake of `frontdesk.indication.requested` through the inbox,
/// (b) decide → `indication.allocation.issued` → a scripted provider's acknowledgement and
/// `care.started` → its receipt, end to end, and (c) the committed-budget view of one
/// municipality. `scripts/indication-bench.sh` starts a private broker and database, creates the
/// provider's broker login and sets `WMO_TEST_AMQP_URL` and `WMO_TEST_DATABASE_URL`.
@main
struct IndicationBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "indication-bench",
        abstract: "Measure indication's intake, decide → provider chain and budget view on a loaded schema."
    )

    @Option(help: "Decided cases loaded first (each with one decision and two allocations).") var cases = 1_000_000
    @Option(help: "frontdesk.indication.requested messages in phase (a).") var intake = 20_000
    @Option(help: "Cases decided in phase (b), out of those taken in.") var decisions = 2_000
    @Option(help: "Concurrent assessors deciding in phase (b) (past about 10 the two cores only queue them).") var concurrency = 10
    @Option(help: "Budget views read in phase (c).") var budgetReads = 200
    @Option(help: "Database connections of the service's pool.") var poolSize = 8
    @Option(help: "The provider's broker login and password (made by scripts/indication-bench.sh).")
    var provider = "0202-benchzorg"
    @Option var providerPassword = "wmo-bench-provider"

    func validate() throws {
        guard cases >= 0, intake > 0, decisions > 0, decisions <= intake, concurrency > 0, budgetReads > 0, poolSize > 0 else {
            throw ValidationError("counts must be positive, --decisions at most --intake")
        }
    }

    func run() async throws {
        var logger = Logger(label: "indication-bench")
        logger.logLevel = .error
        let url = try AMQPURL(parsing: TestServers.amqpURL)
        guard let providerKey = OrganisationKey(provider) else { throw ValidationError("--provider is not <municipality>-<id>") }
        var providerURL = url
        providerURL.user = provider
        providerURL.password = providerPassword

        let (schema, pool) = try await TestDatabase.freshSchema("indbench", migrations: IndicationMigrations.all, poolSize: poolSize)
        let loadStart = ContinuousClock.now
        try await BenchLoad.load(cases: cases, in: pool)
        print(
            "indication-bench: loaded \(cases) decided cases, \(cases) decisions, \(2 * cases) allocations in \(String(format: "%.1f", (ContinuousClock.now - loadStart).seconds)) s"
        )

        let publisher = Publisher(url: url, name: "indication-bench-relay", topology: IndicationTopology.topology, logger: logger)
        let relay = OutboxRelay(pool: pool, publisher: publisher, producer: "indication", logger: logger)
        let service = IndicationService(
            pool: pool,
            settings: IndicationSettings(
                contracts: ProviderContracts([providerKey: [.householdHelp: 3250, .personalCare: 5500]]),
                catalogue: try ClientProfileCatalogue.bundled(),
                budget: SocialDomainBudget(monthlyCents: [.arnhem: [.wmo: 2_000_000_000]])
            ),
            relay: relay
        )
        let inbound = IndicationTopology.inboundQueue(name: "indication.inbound.bench")
        let consumer = InboxConsumer(
            url: url,
            queue: inbound,
            topology: Topology.standard(queues: [inbound]),
            pool: pool,
            handlers: IndicationHandlers.make(service: service),
            relay: relay,
            logger: logger,
            prefetch: 500,
            batchSize: 100
        )
        let assessor = Assessor(id: AssessorID("bench.arnhem"), municipality: .arnhem, displayName: "Bench")
        try await pool.withTransaction { tx in
            try AssessorRepository.insert(assessor, passwordHash: "x", in: tx)
        }
        let admin = try BrokerAdmin()
        // Where the desk would take the decisions: a queue that the run empties and deletes.
        let deskSink = Topology.Queue(name: "indication.bench.desk", bindings: [.init(routingKey: IndicationDecided.messageType)])
        try await admin.declare(Topology.standard(queues: [inbound, deskSink]))
        let scripted = ScriptedProvider(login: providerKey, url: providerURL, logger: logger)

        // (a) intake: the messages wait on the queue, then the consumer takes them in.
        let requests = (0..<intake).map { _ in
            IndicationRequested(
                requestId: UUID(),
                subjectRef: SubjectRef(),
                household: HouseholdSummary(adults: 1, children: 0, informalCarers: 0),
                question: "Mevrouw kan het huishouden niet meer zelf doen.",
                categories: [.instrumentalADL],
                findings: "Dochter woont ver weg.",
                urgency: .normal
            )
        }
        let sender = Publisher(url: url, name: "indication-bench-desk", logger: logger)
        for request in requests {
            let envelope = Envelope(request, correlationId: request.requestId, municipality: .arnhem, producer: "front-desk")
            try await sender.publish(
                OutgoingMessage(
                    exchange: Topology.eventsExchange,
                    routingKey: IndicationRequested.messageType,
                    body: try ContractJSON.encoder().encode(envelope),
                    properties: MessageProperties(messageId: envelope.header.messageId.uuidString.lowercased(), type: IndicationRequested.messageType)
                )
            )
        }
        await sender.close()
        let before = try await Self.count(pool, "SELECT count(*) FROM cases")
        print("phase (a): \(intake) frontdesk.indication.requested waiting on \(inbound.name)\n")

        let group = ServiceGroup(configuration: .init(services: [.init(service: relay), .init(service: consumer)], logger: logger))
        var failure: (any Error)?
        await withTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try? await group.run() }
            tasks.addTask { await scripted.run() }
            do {
                let intakeStart = ContinuousClock.now
                while try await Self.count(pool, "SELECT count(*) FROM cases") < before + intake {
                    try await Task.sleep(for: .milliseconds(20))
                }
                print(
                    BenchmarkResult(
                        name: "(a) intake frontdesk.indication.requested",
                        count: intake,
                        unit: .messages,
                        seconds: (ContinuousClock.now - intakeStart).seconds
                    ).line()
                )

                try await Self.decideChain(
                    service: service,
                    scripted: scripted,
                    assessor: assessor,
                    requests: Array(requests.prefix(decisions)),
                    concurrency: concurrency
                )

                var latency = makeHistogram()
                let budgetStart = ContinuousClock.now
                for _ in 0..<budgetReads {
                    let start = ContinuousClock.now
                    _ = try await service.budget(by: assessor)
                    _ = latency.record(micros(since: start))
                }
                let allocations = try await Self.count(pool, "SELECT count(*) FROM allocations WHERE municipality = '0202'")
                print(
                    BenchmarkResult(
                        name: "(c) budget view, 12 months (\(allocations) alloc.)",
                        count: budgetReads,
                        unit: .requests,
                        seconds: (ContinuousClock.now - budgetStart).seconds,
                        latency: latency
                    ).line()
                )
            } catch {
                failure = error
            }
            await scripted.shutdown()
            await group.triggerGracefulShutdown()
            await tasks.waitForAll()
        }
        await publisher.close()
        try? await admin.delete(inbound)
        try? await admin.delete(deskSink)
        _ = try? await pool.withConnection { try $0.executeSimple("SET client_min_messages = warning; DROP SCHEMA \"\(schema)\" CASCADE") }
        if let failure { throw failure }
    }

    /// (b): prepares each case (scores, profile, one household-help line), then times
    /// decide → allocation issued → acknowledged → care started → the start's receipt.
    static func decideChain(
        service: IndicationService,
        scripted: ScriptedProvider,
        assessor: Assessor,
        requests: [IndicationRequested],
        concurrency: Int
    ) async throws {
        let pool = service.pool
        let ids: [UUID] = try await pool.withTransaction { tx in
            try requests.map { request in
                guard let item = try CaseRepository.find(requestID: request.requestId, municipality: .arnhem, in: tx) else {
                    throw ValidationError("case of request \(request.requestId) missing")
                }
                return item.id
            }
        }
        _ = try await concurrently(ids.count, workers: concurrency) { index in
            let id = ids[index]
            _ = try await service.recordAssessment(id, AssessmentInput(scores: ["instrumental-adl": 2, "physical-health": 2]), by: assessor)
            _ = try await service.chooseProfile(id, ProfileInput(profileId: 2, reason: "Benchmark"), by: assessor)
            return try await service.addLine(
                id,
                LineInput(
                    layer: .individualProvision,
                    deliveredBy: "Thuiszorg",
                    activity: "Schoonmaken",
                    category: .householdHelp,
                    volume: 3,
                    unit: .hoursPerWeek,
                    intendedResult: "Schoon huis",
                    whyEarlierLayersDoNotSuffice: "Netwerk kan het niet."
                ),
                by: assessor
            ).arrangement.first!.id
        }
        let lines: [UUID] = try await pool.withTransaction { tx in
            try ids.map { id in try ArrangementRepository.lines(of: id, in: tx).first!.id }
        }
        let today = service.settings.calendar.day(of: Date()).description
        let provider = scripted.login.description
        let start = ContinuousClock.now
        let timed = try await concurrently(ids.count, workers: concurrency) { index in
            let started = ContinuousClock.now
            let details = try await service.decide(
                ids[index],
                DecisionInput(
                    lines: [
                        LineDecisionInput(
                            lineId: lines[index],
                            granted: true,
                            grounds: "Volstaat niet",
                            form: .inKind,
                            validFrom: today,
                            provider: provider
                        )
                    ]
                ),
                by: assessor
            )
            return (started, details.allocations.first!.id)
        }
        var latency = makeHistogram()
        var last = start
        let deadline = ContinuousClock.now + .seconds(300)
        for (started, allocation) in timed {
            while scripted.startAccepted(allocation) == nil {
                guard ContinuousClock.now < deadline else { throw ValidationError("care.started of \(allocation) never accepted") }
                try await Task.sleep(for: .milliseconds(2))
            }
            let done = scripted.startAccepted(allocation)!
            last = max(last, done)
            _ = latency.record(micros(from: started, to: done))
        }
        print(
            BenchmarkResult(
                name: "(b) decide → issued → ack → started (receipt)",
                count: ids.count,
                unit: .requests,
                seconds: (last - start).seconds,
                latency: latency
            ).line()
        )
    }

    static func count(_ pool: ConnectionPool, _ sql: String) async throws -> Int {
        try await pool.withConnection { try $0.query(SQLQuery(unsafeSQL: sql)).single().decode(Int.self, at: 0) }
    }
}
