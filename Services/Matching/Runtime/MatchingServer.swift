public import Contracts
import Foundation
import Hummingbird
import Logging
public import ServiceHTTP
public import ServiceRuntime
import StaffPages
public import Storage

/// The commands of the `matching` executable: serve, register a volunteer centre, seed the demo.
public enum MatchingServer {
    /// The settings of matching (schema `matching`, port 8083 by default).
    public static func settings() -> ServiceSettings {
        ServiceSettings(serviceName: "matching", defaultSchema: "matching", defaultPort: 8083)
    }

    /// Migrates, and runs the JSON API, the coordinator's pages, the volunteers' answer page, the inbound consumer, the
    /// outbox relay, the sweep and `/health`, `/ready`, `/metrics` until SIGTERM or SIGINT.
    public static func serve(settings: ServiceSettings = settings()) async throws {
        let configuration = try MatchingConfiguration(settings: settings)
        let environment = try await ServiceEnvironment.start(
            settings: settings,
            migrations: MatchingMigrations.all,
            topology: MatchingTopology.topology
        )
        let service = MatchingService(
            pool: environment.pool,
            settings: configuration.settings,
            producer: settings.serviceName,
            relay: environment.relay
        )
        let loaded = try await service.loadCandidateIndex()
        environment.logger.info("candidate index loaded", metadata: ["seconds": "\(loaded)"])
        let authenticator = authenticator(pool: environment.pool, configuration: configuration)
        let router = MatchingAPI.router(service: service, authenticator: authenticator)
        try await MatchingPages(service: service, authenticator: authenticator, settings: PageSettings(settings: settings)).add(to: router)
        try await AnswerPage(service: service).add(to: router)
        OperationsRoutes.add(to: router) { await environment.readiness() }
        let application = Application(
            router: router,
            configuration: .init(address: .hostname(settings.httpHost, port: settings.httpPort)),
            logger: environment.logger
        )
        let consumer = environment.inboxConsumer(queue: MatchingTopology.requests, handlers: MatchingHandlers.make(service: service))
        let logger = environment.logger
        let sweep = ScheduledJob("matching sweep", every: configuration.sweepInterval, logger: logger) {
            let run = try await service.runSweep()
            if run.lapsed + run.proposed + run.failed > 0 {
                logger.info("matching sweep", metadata: ["lapsed": "\(run.lapsed)", "proposed": "\(run.proposed)", "failed": "\(run.failed)"])
            }
        }
        try await environment.run([application, consumer, sweep])
    }

    /// The coordinators' authenticator over `coordinators`.
    public static func authenticator(pool: ConnectionPool, configuration: MatchingConfiguration) -> PasswordAuthenticator<Coordinator> {
        PasswordAuthenticator(
            pool: pool,
            cost: configuration.bcryptCost,
            cacheLifetime: TimeInterval(configuration.authCacheSeconds),
            trustedProxies: configuration.trustedProxies
        ) { username, tx in try AccountRepository.findCoordinator(username: username, in: tx) }
    }

    /// Registers the volunteer centre `centre` under `name` and gives it a new API key, returned
    /// once (matching keeps its SHA-256). Its broker login comes from
    /// `scripts/organisations.sh add volunteer-centre`.
    public static func addCentre(_ centre: OrganisationKey, name: String, settings: ServiceSettings = settings()) async throws -> String {
        let environment = try await ServiceEnvironment.start(
            settings: settings,
            migrations: MatchingMigrations.all,
            topology: MatchingTopology.topology
        )
        let apiKey = CSRFToken.make()  // 32 secure random bytes as hex
        try await environment.pool.withTransaction { tx in
            try AccountRepository.upsertCentre(centre, name: name, in: tx)
            try AccountRepository.setAPIKey(apiKey, of: centre, in: tx)
        }
        await environment.publisher.close()
        return apiKey
    }

    /// The demo: Arnhem's matching coordinator, its volunteer centre with three volunteers, and
    /// an overburdened carer (idempotent); returns the logins as printable lines.
    public static func seedDemo(settings: ServiceSettings = settings()) async throws -> [String] {
        let configuration = try MatchingConfiguration(settings: settings)
        let environment = try await ServiceEnvironment.start(
            settings: settings,
            migrations: MatchingMigrations.all,
            topology: MatchingTopology.topology
        )
        let service = MatchingService(pool: environment.pool, settings: configuration.settings, producer: settings.serviceName)
        let mila = Coordinator(username: "mila.arnhem", municipality: .arnhem, displayName: "Mila de Boer")
        let hash = await PasswordAuthenticator<Coordinator>.hash("wmo-demo-mila", cost: configuration.bcryptCost)
        let centre = OrganisationKey(municipality: .arnhem, id: "vrijwilligerscentrale")
        let known = try await environment.pool.withTransaction { tx in
            try AccountRepository.insertCoordinator(mila, passwordHash: hash, in: tx)
            try AccountRepository.upsertCentre(centre, name: "Vrijwilligerscentrale Arnhem", in: tx)
            return try tx.query("SELECT count(*)::integer AS n FROM volunteers").rows.first?.decode(Int.self, "n") ?? 0
        }
        if known == 0 {
            let consented = Date()
            let demo: [(String, String, [String], [String], String)] = [
                ("Anneke de Vries", "6821 AB", ["visiting", "shopping"], ["monday-morning", "wednesday-afternoon"], "none"),
                ("Kees Jansen", "6826 CD", ["transport", "odd-jobs"], ["tuesday-morning", "thursday-morning", "friday-afternoon"], "none"),
                ("Fatma Yilmaz", "6811 EF", ["respite-care", "language-buddy"], ["monday-evening", "saturday-morning"], "issued"),
            ]
            let centreAccount = Coordinator.system(of: centre, name: "Vrijwilligerscentrale Arnhem")
            for (index, (name, postcode, tasks, slots, vog)) in demo.enumerated() {
                _ = try await service.registerVolunteer(
                    VolunteerInput(
                        name: name,
                        phone: "06 1000 000\(index)",
                        consentedAt: consented,
                        postcode: postcode,
                        tasks: tasks,
                        availability: slots,
                        maxDistanceKm: 8,
                        languages: index == 2 ? ["nl", "tr"] : ["nl"],
                        certificate: VolunteerInput.Certificate(status: vog, issuedOn: vog == "issued" ? "2026-01-15" : nil),
                        maxMatches: 2,
                        reference: "VC-\(index + 1)"
                    ),
                    by: centreAccount
                )
            }
            _ = try await service.registerCarer(
                CarerInput(
                    name: "Ria Hendriks",
                    phone: "06 2000 0001",
                    consentedAt: consented,
                    postcode: "6824 AA",
                    hoursPerWeek: 30,
                    since: "2021-03-01",
                    burden: 8,
                    supportWanted: ["respite", "peers"]
                ),
                by: mila
            )
        }
        await environment.publisher.close()
        return ["  mila.arnhem        wmo-demo-mila              matchingcoördinator (0202)"]
    }
}
