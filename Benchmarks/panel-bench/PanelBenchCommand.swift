import ArgumentParser
import AsyncHTTPClient
import BenchmarkSupport
import CitizenPanel
import Contracts
import Foundation
import Histogram
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Storage
import TestKit

/// The citizen panel's benchmark (issue 15): (a) `--answers` questionnaires submitted over HTTP
/// to `/vragenlijst/<token>` by `--concurrency` clients (each an unused invitation made first),
/// every one a transaction that takes the open link out by its token and stores the unlinked response;
/// (b) with `--responses` responses loaded, the year's results: weighted to the population
/// (raking on district, age band, sex), per question, per district and per district × age band.
/// `scripts/panel-bench.sh` starts a private database (and broker) and sets `WMO_TEST_DATABASE_URL`.
@main
struct PanelBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "panel-bench",
        abstract: "Measure the citizen panel: answers accepted over HTTP, and weighted results with breakdowns."
    )

    @Option(help: "Questionnaires submitted over HTTP in phase (a).") var answers = 20_000
    @Option(help: "Concurrent respondents in phase (a).") var concurrency = 16
    @Option(help: "Responses loaded for phase (b).") var responses = 100_000
    @Option(help: "Results computed in phase (b).") var reads = 10
    @Option(help: "Database connections of the service's pool.") var poolSize = 8
    @Option(help: "The HTTP port of the panel under test.") var port = 18_484

    func validate() throws {
        guard answers > 0, concurrency > 0, responses > 0, reads > 0, poolSize > 0 else { throw ValidationError("counts must be positive") }
    }

    func run() async throws {
        var logger = Logger(label: "panel-bench")
        logger.logLevel = .error
        let (schema, pool) = try await TestDatabase.freshSchema("pbench", migrations: CitizenPanelMigrations.all, poolSize: poolSize)
        // The survey year whose answers are open now; phase (b) reads last year's, closed.
        let year = Calendar(identifier: .gregorian).component(.year, from: Date())
        let service = CitizenPanelService(
            pool: pool,
            settings: CitizenPanelSettings(publicBaseURL: "http://127.0.0.1:\(port)", population: try Population.bundled())
        )
        try await execute(
            pool,
            """
            INSERT INTO open_links (token_hash, municipality, survey_id, district)
            SELECT sha256(('bench-' || i)::bytea), '0202', 'clientervaring-\(year)',
                (ARRAY['Centrum','Klarendal','Malburgen','Presikhaaf','Schuytgraaf'])[1 + i % 5]
            FROM generate_series(1, \(answers)) AS i
            """
        )
        let router = Router(context: BasicRequestContext.self)
        QuestionnairePage(service: service, site: try await PanelSite.load()).add(to: router)
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)), logger: logger)
        let group = ServiceGroup(configuration: .init(services: [.init(service: app)], logger: logger))
        let client = HTTPClient(
            eventLoopGroup: HTTPClient.defaultEventLoopGroup,
            configuration: .init(
                redirectConfiguration: .disallow,
                connectionPool: .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: concurrency * 2)
            )
        )
        var failure: (any Error)?
        await withTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try? await group.run() }
            do {
                try await waitForServer(client)
                try await submitAnswers(client)
                try await readResults(service: service, pool: pool, year: year - 1)
            } catch {
                failure = error
            }
            await group.triggerGracefulShutdown()
            await tasks.waitForAll()
        }
        try await client.shutdown()
        _ = try? await pool.withConnection { try $0.executeSimple("SET client_min_messages = warning; DROP SCHEMA \"\(schema)\" CASCADE") }
        if let failure { throw failure }
    }

    /// (a): every respondent posts the form of one invitation; 200 is the only right answer.
    func submitAnswers(_ client: HTTPClient) async throws {
        let answers = self.answers
        let port = self.port
        let start = ContinuousClock.now
        let latencies = try await concurrently(answers, workers: concurrency) { index in
            var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/vragenlijst/bench-\(index + 1)")
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            let form =
                "access=\(1 + index % 5)&heard=\(1 + (index / 5) % 5)&speed=4&fit=\(1 + (index / 3) % 5)&self-reliance=3&quality-of-life=4"
                + "&ageBand=\(AgeBand.allCases[index % 5].rawValue.replacingOccurrences(of: "+", with: "%2B"))&sex=\(index % 2 == 0 ? "female" : "male")"
            request.body = .bytes(ByteBuffer(string: form))
            let sent = ContinuousClock.now
            let response = try await client.execute(request, timeout: .seconds(30))
            _ = try await response.body.collect(upTo: 1 << 20)
            guard response.status.code == 200 else { throw ValidationError("answer \(index + 1) got \(response.status.code)") }
            return micros(since: sent)
        }
        var histogram = makeHistogram()
        for latency in latencies { histogram.record(latency) }
        print(
            BenchmarkResult(
                name: "(a) questionnaire answered over HTTP",
                count: answers,
                unit: .requests,
                seconds: (ContinuousClock.now - start).seconds,
                latency: histogram
            ).line()
        )
    }

    /// (b): `responses` responses of last year's (closed) survey, then the results `reads` times.
    func readResults(service: CitizenPanelService, pool: ConnectionPool, year: Int) async throws {
        let loadStart = ContinuousClock.now
        try await execute(
            pool,
            """
            INSERT INTO responses (id, municipality, survey_id, district, age_band, sex, submitted_on, answers)
            SELECT md5('r' || i)::uuid, '0202', 'clientervaring-\(year)',
                (ARRAY['Centrum','Sonsbeek','Heijenoord','Klarendal','Geitenkamp','Presikhaaf','Kronenburg','Malburgen',
                    'Rijkerswoerd','Schuytgraaf','Elden'])[1 + i % 11],
                (ARRAY['18-34','35-49','50-64','65-79','80+'])[1 + (i / 11) % 5],
                CASE WHEN i % 7 = 0 THEN NULL WHEN i % 2 = 0 THEN 'female' ELSE 'male' END,
                make_date(\(year), 11, 1 + i % 28),
                jsonb_build_object('access', 1 + i % 5, 'heard', 1 + (i / 3) % 5, 'speed', 1 + (i / 7) % 5,
                    'fit', 1 + (i / 2) % 5, 'self-reliance', 1 + (i / 13) % 5, 'quality-of-life', 1 + (i / 17) % 5)
            FROM generate_series(1, \(responses)) AS i
            """
        )
        try await execute(pool, "ANALYZE responses")
        print("panel-bench: loaded \(responses) responses in " + String(format: "%.1f s", (ContinuousClock.now - loadStart).seconds))
        var histogram = makeHistogram()
        let start = ContinuousClock.now
        var strata = 0
        for _ in 0..<reads {
            let before = ContinuousClock.now
            let results = try await service.publishedResults(year: year, municipality: .arnhem)
            histogram.record(micros(since: before))
            guard results.publishable, results.weighted, results.completed == responses else {
                throw ValidationError("results of \(results.completed) responses, publishable \(results.publishable)")
            }
            strata = results.questions.first?.strata.count ?? 0
        }
        print(
            BenchmarkResult(
                name: "(b) weighted results, \(strata) strata (\(responses / 1000)k)",
                count: reads,
                unit: .requests,
                seconds: (ContinuousClock.now - start).seconds,
                latency: histogram
            ).line()
        )
    }

    func execute(_ pool: ConnectionPool, _ sql: String) async throws {
        _ = try await pool.withConnection { try $0.executeSimple("SET statement_timeout = 0; \(sql); RESET statement_timeout") }
    }

    func waitForServer(_ client: HTTPClient) async throws {
        for _ in 0..<100 {
            if let response = try? await client.execute(HTTPClientRequest(url: "http://127.0.0.1:\(port)/static/staff.css"), timeout: .seconds(2)),
                response.status.code == 200
            {
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ValidationError("the panel did not start on port \(port)")
    }
}
