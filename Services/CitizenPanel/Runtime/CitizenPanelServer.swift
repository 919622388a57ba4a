public import Contracts
import Foundation
import Hummingbird
import Logging
public import ServiceHTTP
public import ServiceRuntime
public import Storage
import WorkingDays

/// The `citizen-panel` executable: migrates, and runs the satisfaction consumer, the outbox
/// relay, the researchers' API, the respondents' and members' pages, the public results, the
/// sweep of closed consultations and `/health`, `/ready`, `/metrics` until SIGTERM or SIGINT.
public enum CitizenPanelServer {
    /// The settings of the citizen panel (schema `citizenpanel`, port 8084 by default).
    public static func settings() -> ServiceSettings {
        ServiceSettings(serviceName: "citizen-panel", defaultSchema: "citizenpanel", defaultPort: 8084)
    }

    /// The panel's own settings: `PANEL_SATISFACTION_FRACTION`, `PANEL_PUBLIC_URL`.
    static func panelSettings(_ settings: ServiceSettings) throws -> CitizenPanelSettings {
        let reader = settings.reader
        let fraction = Double(reader.string(forKey: "panel.satisfaction.fraction", default: "1")) ?? 1
        return CitizenPanelSettings(
            sampling: SatisfactionSampling(fraction: fraction),
            publicBaseURL: reader.string(forKey: "panel.public.url", default: "http://127.0.0.1:\(settings.httpPort)"),
            population: try Population.bundled()
        )
    }

    /// The researchers' authenticator over `researchers` (`LoginSettings`).
    public static func authenticator(pool: ConnectionPool, settings: ServiceSettings) -> PasswordAuthenticator<Researcher> {
        let login = LoginSettings(settings: settings)
        return PasswordAuthenticator(
            pool: pool,
            cost: login.bcryptCost,
            cacheLifetime: TimeInterval(login.authCacheSeconds),
            trustedProxies: login.trustedProxies
        ) { username, tx in try ResearcherRepository.find(username: username, in: tx) }
    }

    /// Adds the researcher `username` of `municipality` (or sets their name and password).
    public static func addResearcher(
        username: String,
        municipality: MunicipalityCode,
        name: String,
        password: String,
        settings: ServiceSettings = settings()
    ) async throws {
        let environment = try await ServiceEnvironment.start(
            settings: settings,
            migrations: CitizenPanelMigrations.all,
            topology: CitizenPanelTopology.topology
        )
        let hash = await PasswordAuthenticator<Researcher>.hash(password, cost: LoginSettings(settings: settings).bcryptCost)
        let researcher = Researcher(username: username, municipality: municipality, displayName: name)
        try await environment.pool.withTransaction { tx in try ResearcherRepository.upsert(researcher, passwordHash: hash, in: tx) }
        await environment.publisher.close()
    }

    public static func serve(settings: ServiceSettings = settings()) async throws {
        let panel = try panelSettings(settings)
        let environment = try await ServiceEnvironment.start(
            settings: settings,
            migrations: CitizenPanelMigrations.all,
            topology: CitizenPanelTopology.topology
        )
        let service = CitizenPanelService(
            pool: environment.pool,
            settings: panel,
            producer: settings.serviceName,
            relay: environment.relay,
            logger: environment.logger
        )
        let router = Router(context: PanelRequestContext.self)
        let site = try await PanelSite.load()
        QuestionnairePage(service: service, site: site).add(to: router)
        ResultsPage(service: service, site: site).add(to: router)
        MembershipPages(service: service, site: site).add(to: router)
        ConsultationPages(service: service, site: site).add(to: router)
        ConsultationResultsPage(service: service, site: site).add(to: router)
        ResultsAPI.add(to: router, service: service)
        ResearchAPI.add(to: router, service: service, authenticator: authenticator(pool: environment.pool, settings: settings))
        OperationsRoutes.add(to: router) { await environment.readiness() }
        let application = Application(
            router: router,
            configuration: .init(address: .hostname(settings.httpHost, port: settings.httpPort)),
            logger: environment.logger
        )
        let consumer = environment.inboxConsumer(
            queue: CitizenPanelTopology.satisfaction,
            handlers: CitizenPanelHandlers.make(service: service)
        )
        // Closed consultations: the last answers moved on, who was invited forgotten.
        let logger = environment.logger
        let sweep = ScheduledJob("citizen panel sweep", every: .seconds(900), logger: logger) {
            let tidied = try await service.sweepClosedConsultations()
            if tidied > 0 { logger.info("closed consultations tidied", metadata: ["consultations": "\(tidied)"]) }
        }
        try await environment.run([application, consumer, sweep])
    }

    /// The demo: last year's (closed) satisfaction survey of Arnhem with 520 made-up responses
    /// spread over five districts, so that the results page has something to show (idempotent).
    public static func seedDemo(settings: ServiceSettings = settings()) async throws -> [String] {
        let environment = try await ServiceEnvironment.start(
            settings: settings,
            migrations: CitizenPanelMigrations.all,
            topology: CitizenPanelTopology.topology
        )
        let calendar = try panelSettings(settings).calendar
        let year = calendar.day(of: Date()).year - 1
        let surveyId = SatisfactionSurvey.id(year: year)
        try await environment.pool.withTransaction { tx in
            guard try ResponseRepository.count(surveyId: surveyId, municipality: .arnhem, in: tx) == 0 else { return }
            let districts = ["Centrum", "Klarendal", "Malburgen", "Presikhaaf", "Schuytgraaf"]
            for index in 0..<520 {
                var answers: [String: SubmittedResponse.Answer] = [:]
                for (position, question) in SatisfactionSurvey.questions.enumerated() {
                    // A plausible spread, mostly 3-5, without randomness: the demo is the same every time.
                    answers[question.id] = .scale([4, 5, 4, 3, 4, 2, 5, 4, 3, 1, 4, 5][(index * 7 + position * 3) % 12])
                }
                let response = SubmittedResponse(
                    surveyId: surveyId,
                    district: districts[index % districts.count],
                    ageBand: AgeBand.allCases[(index / 5) % AgeBand.allCases.count],
                    sex: index % 3 == 0 ? "male" : "female",
                    submittedOn: LocalDate(year: year, month: 11, day: 1 + index % 28)!,
                    answers: answers
                )
                try ResponseRepository.insert(response, municipality: .arnhem, in: tx)
            }
        }
        let hash = await PasswordAuthenticator<Researcher>.hash("wmo-demo-ilse", cost: LoginSettings(settings: settings).bcryptCost)
        let ilse = Researcher(username: "ilse.arnhem", municipality: .arnhem, displayName: "Ilse Verbeek")
        try await environment.pool.withTransaction { tx in
            if try ResearcherRepository.find(username: ilse.username, in: tx) == nil {
                try ResearcherRepository.upsert(ilse, passwordHash: hash, in: tx)
            }
        }
        await environment.publisher.close()
        return [
            "  ilse.arnhem        wmo-demo-ilse              onderzoeker burgerpanel (0202), API /api/v1/consultations",
            "  results of \(SatisfactionSurvey.title(year: year)) (demo): /resultaten/\(year)?gemeente=0202",
        ]
    }
}
