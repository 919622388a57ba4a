import ArgumentParser
import FrontDesk
import Logging
import Messaging
import ReliableMessaging
import ServiceLifecycle
import Storage
import TestKit

/// The front desk's intake → pass-on benchmark (issue 3): concurrent staff members take a
/// request, clarify it and pass it on to a partner with the citizen's consent, through the same
/// `FrontDeskService` use cases the JSON API and the staff pages call, while the service's
/// `OutboxRelay` publishes `frontdesk.request.passed-on` with confirms. Latency runs from the
/// start of intake until the partner's queue delivers the message; `scripts/frontdesk-bench.sh`
/// starts a private broker and database and sets `WMO_TEST_AMQP_URL` and `WMO_TEST_DATABASE_URL`.
@main
struct FrontDeskBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frontdesk-bench",
        abstract: "Measure the front desk's intake → pass-on path, up to the partner's queue."
    )

    @Option(help: "Requests taken and passed on in the measured phase.") var requests = 2_000
    @Option(help: "Concurrent staff members (workers), each one request at a time.") var concurrency = 8
    @Option(help: "Requests before the measured phase, not counted (opens connections, warms caches).") var warmup = 100
    @Option(help: "Persons pre-registered (default: one per request, warm-up included).") var persons: Int?
    @Option(help: "Database connections in the service's pool (DATABASE_POOL_SIZE, default 4 as in production).")
    var poolSize = 4

    func validate() throws {
        guard requests > 0, concurrency > 0, warmup >= 0, poolSize > 0 else {
            throw ValidationError("--requests, --concurrency and --pool-size must be positive, --warmup not negative")
        }
        if let persons, persons <= 0 { throw ValidationError("--persons must be positive") }
    }

    func run() async throws {
        var logger = Logger(label: "frontdesk-bench")
        logger.logLevel = .error
        let url = try AMQPURL(parsing: TestServers.amqpURL)
        let admin = try BrokerAdmin()
        let (schema, pool) = try await TestDatabase.freshSchema("fdbench", migrations: FrontDeskMigrations.all, poolSize: poolSize)
        let world = try await BenchWorld.seed(pool: pool, url: url, admin: admin, logger: logger)
        let publisher = Publisher(url: url, name: "frontdesk-bench-relay", topology: FrontDeskTopology.topology, logger: logger)
        let relay = OutboxRelay(pool: pool, publisher: publisher, producer: "front-desk", logger: logger)
        let service = FrontDeskService(pool: pool, producer: "front-desk", relay: relay)
        let registered = try await world.registerPersons(persons ?? (requests + warmup), with: service, workers: concurrency)

        print(
            "frontdesk-bench: \(requests) requests (+\(warmup) warm-up), \(concurrency) concurrent workers, "
                + "\(registered.count) persons, pool of \(poolSize) connections"
        )
        print("per request: receiveRequest → clarify → passOn with consent (3 transactions); OutboxRelay publishes with confirms")
        print("broker \(url), database schema \(schema)\n")

        let run = PassOnRun(service: service, world: world, persons: registered, concurrency: concurrency)
        let arrivals = Arrivals()
        let partnerQueue = Consumer(url: url, queue: world.partnerQueue.name, prefetch: 500, logger: logger)
        let group = ServiceGroup(configuration: .init(services: [.init(service: relay)], logger: logger))
        var result: Result<PassOnRun.Outcome, any Error> = .failure(CancellationError())
        await withTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try? await group.run() }
            partnerQueue.start()
            tasks.addTask { await arrivals.collect(from: partnerQueue) }
            do {
                if warmup > 0 { _ = try await run.measure(count: warmup, offset: 0, arrivals: arrivals) }
                result = .success(try await run.measure(count: requests, offset: warmup, arrivals: arrivals))
            } catch {
                result = .failure(error)
            }
            await partnerQueue.shutdown()
            await group.triggerGracefulShutdown()
            await tasks.waitForAll()
        }
        await publisher.close()
        if let outcome = try? result.get() {
            print(outcome.committed.line())
            print(outcome.delivered.line())
        }
        try? await admin.delete(world.partnerQueue)
        _ = try? await pool.withConnection {
            try $0.executeSimple("SET client_min_messages = warning; DROP SCHEMA \"\(schema)\" CASCADE")
        }
        _ = try result.get()
    }
}
