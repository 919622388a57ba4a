import ArgumentParser
import AsyncHTTPClient
import BenchmarkSupport
import Contracts
import Foundation
import FrontDesk
import Hummingbird
import Logging
import Messaging
import NIOCore
import ReliableMessaging
import ServiceLifecycle
import ServiceRuntime
import StaffPages
import Storage
import TestKit

/// The front desk at a region's scale (issue 11): a million persons and five million requests
/// over twelve municipalities, then the desk's HTTP API and pages under load — person search (by
/// BSN, by name and birth date, by postcode), the work list of a consultant and of a team, a
/// request's detail (API and page), and intake → clarify → pass-on — each as a closed loop of
/// concurrent clients. `scripts/region-bench.sh` starts the private broker and database.
@main
struct RegionBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "region-bench",
        abstract: "Measure the front desk's HTTP API and pages on a region's data."
    )

    @Option(help: "Persons loaded.") var persons = 1_000_000
    @Option(help: "Requests loaded (most of them closed history).") var requests = 5_000_000
    @Option(help: "Share of the requests still open.") var openShare = 0.1
    @Option(help: "Consultants per municipality (two teams).") var consultants = 20
    @Option(help: "Concurrent HTTP clients.") var concurrency = 8
    @Option(help: "Seconds measured per phase (after the warm-up).") var seconds = 15
    @Option(help: "Warm-up seconds per phase, not counted.") var warmup = 3
    @Option(help: "Database connections of the desk's pool.") var poolSize = 8
    @Option(help: "Loopback port for the desk's HTTP server.") var port = 18_090
    @Flag(help: "Keep the loaded schema afterwards (to look at query plans).") var keepSchema = false

    func run() async throws {
        var logger = Logger(label: "region-bench")
        logger.logLevel = .error
        let url = try AMQPURL(parsing: TestServers.amqpURL)
        let admin = try BrokerAdmin()
        let (schema, pool) = try await TestDatabase.freshSchema("region", migrations: FrontDeskMigrations.all, poolSize: poolSize)
        let data = RegionData(
            municipalities: RegionData.region,
            consultantsPerMunicipality: consultants,
            persons: persons,
            requests: requests,
            openShare: openShare
        )
        print("region-bench: \(persons) persons, \(requests) requests (\(Int(openShare * 100)) % open), \(data.municipalities.count) municipalities")
        print("loading into schema \(schema) …")
        let loadSeconds = try await data.load(pool: pool)
        let size = try await pool.withTransaction { tx in
            try tx.query(
                """
                SELECT pg_size_pretty(sum(pg_total_relation_size(c.oid))::bigint) AS schema_size,
                    pg_size_pretty(pg_database_size(current_database())) AS database_size
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = \(schema) AND c.relkind = 'r'
                """
            ).single()
        }
        print(
            String(
                format: "loaded in %.0f s; schema %@ (tables with their indexes and TOAST), database %@",
                loadSeconds,
                try size.decode(String.self, "schema_size") as NSString,
                try size.decode(String.self, "database_size") as NSString
            )
        )

        let partnerKeys = data.municipalities.map { FrontDeskTopology.organisation(RegionData.partnerID, of: $0) }
        for key in partnerKeys { try? await admin.delete(FrontDeskTopology.partnerQueue(key)) }
        try await PartnerQueues(url: url, logger: logger).declare(partnerKeys)
        let publisher = Publisher(url: url, name: "region-bench-relay", topology: FrontDeskTopology.topology, logger: logger)
        let relay = OutboxRelay(pool: pool, publisher: publisher, producer: "front-desk", logger: logger)
        let service = FrontDeskService(pool: pool, producer: "front-desk", relay: relay)
        let authenticator = StaffAuthenticator(pool: pool, cost: 4)
        let router = FrontDeskAPI.router(service: service, authenticator: authenticator)
        try await FrontDeskPages(service: service, authenticator: authenticator, settings: PageSettings(cookieSecure: false))
            .add(to: router)
        OperationsRoutes.add(to: router) { [:] }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)), logger: logger)
        let group = ServiceGroup(configuration: .init(services: [.init(service: relay), .init(service: app)], logger: logger))

        let client = HTTPClient(
            eventLoopGroup: HTTPClient.defaultEventLoopGroup,
            configuration: .init(
                redirectConfiguration: .disallow,
                connectionPool: .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: concurrency * 2)
            )
        )
        let load = HTTPLoad(
            client: client,
            base: "http://127.0.0.1:\(port)",
            concurrency: concurrency,
            warmup: .seconds(warmup),
            duration: .seconds(seconds)
        )
        var outcome: Result<[BenchmarkResult], any Error> = .success([])
        await withTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try? await group.run() }
            do {
                try await waitForServer(load)
                let samples = try await RegionSamples.draw(pool: pool, data: data, load: load)
                print("\(concurrency) concurrent clients, \(warmup) s warm-up + \(seconds) s per phase\n")
                outcome = .success(try await RegionPhases(load: load, samples: samples).all())
            } catch {
                outcome = .failure(error)
            }
            await group.triggerGracefulShutdown()
            await tasks.waitForAll()
        }
        try await client.shutdown()
        await publisher.close()
        for key in partnerKeys { try? await admin.delete(FrontDeskTopology.partnerQueue(key)) }
        if !keepSchema {
            _ = try? await pool.withConnection { try $0.executeSimple("DROP SCHEMA IF EXISTS \"\(schema)\" CASCADE") }
        }
        switch outcome {
        case .success(let results): for result in results { print(result.line()) }
        case .failure(let error): throw error
        }
    }

    private func waitForServer(_ load: HTTPLoad) async throws {
        for _ in 0..<100 {
            if (try? await load.send(.init(method: .GET, path: "/health", headers: [], body: nil, expect: [200]))) != nil { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ValidationError("the desk did not start on port \(port)")
    }
}
