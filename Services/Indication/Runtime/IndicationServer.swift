import Contracts
import Foundation
import Hummingbird
import Logging
public import ServiceHTTP
public import ServiceRuntime
import StaffPages
public import Storage

/// The commands of the `indication` executable: serve, and seed the demo assessors.
public enum IndicationServer {
    /// The settings of indication (schema `indication`, port 8081 by default).
    public static func settings() -> ServiceSettings {
        ServiceSettings(serviceName: "indication", defaultSchema: "indication", defaultPort: 8081)
    }

    /// Migrates, and runs the assessors' pages and API, the inbound consumer and the outbox relay until
    /// SIGTERM or SIGINT.
    public static func serve(settings: ServiceSettings = settings()) async throws {
        let configuration = try IndicationConfiguration(settings: settings)
        let environment = try await ServiceEnvironment.start(
            settings: settings,
            migrations: IndicationMigrations.all,
            topology: IndicationTopology.topology
        )
        let service = IndicationService(
            pool: environment.pool,
            settings: IndicationSettings(
                rules: configuration.rules,
                contracts: configuration.contracts,
                term: DecisionTerm(weeks: configuration.decisionWeeks, calendar: configuration.calendar),
                catalogue: try ClientProfileCatalogue.bundled(),
                budget: configuration.budget
            ),
            producer: settings.serviceName,
            relay: environment.relay
        )
        let authenticator = authenticator(pool: environment.pool, configuration: configuration)
        let router = IndicationAPI.router(service: service, authenticator: authenticator)
        try await IndicationPages(service: service, authenticator: authenticator, settings: PageSettings(settings: settings)).add(to: router)
        OperationsRoutes.add(to: router) { await environment.readiness() }
        let application = Application(
            router: router,
            configuration: .init(address: .hostname(settings.httpHost, port: settings.httpPort)),
            logger: environment.logger
        )
        let consumer = environment.inboxConsumer(queue: IndicationTopology.inbound, handlers: IndicationHandlers.make(service: service))
        // Once a minute: escalate allocations whose provider receipt is overdue, a log line each
        // (provider, due day) for the assessors' team and operations.
        let logger = environment.logger
        let watch = ScheduledJob("receipt watch", every: .seconds(60), logger: logger) {
            for allocation in try await service.escalateMissingReceipts() {
                logger.warning(
                    "receipt of allocation overdue: escalated",
                    metadata: ["allocation": "\(allocation.id)", "provider": "\(allocation.provider)", "receiptDue": "\(allocation.receiptDue)"]
                )
            }
        }
        try await environment.run([application, consumer, watch])
    }

    /// The assessors' authenticator over `assessors`.
    public static func authenticator(pool: ConnectionPool, configuration: IndicationConfiguration) -> PasswordAuthenticator<Assessor> {
        PasswordAuthenticator(
            pool: pool,
            cost: configuration.bcryptCost,
            cacheLifetime: TimeInterval(configuration.authCacheSeconds),
            trustedProxies: configuration.trustedProxies
        ) { username, tx in try AssessorRepository.find(username: username, in: tx) }
    }

    /// The demo assessors (idempotent); returns the logins as printable lines.
    public static func seedDemo(settings: ServiceSettings = settings()) async throws -> [String] {
        let configuration = try IndicationConfiguration(settings: settings)
        let environment = try await ServiceEnvironment.start(
            settings: settings,
            migrations: IndicationMigrations.all,
            topology: IndicationTopology.topology
        )
        let demo: [(String, MunicipalityCode, String, String, Bool)] = [
            ("iris.arnhem", .arnhem, "Iris Bakker", "wmo-demo-iris", false),
            ("eva.arnhem", .arnhem, "Eva Jansen", "wmo-demo-eva", true),
            ("ruben.nijmegen", .nijmegen, "Ruben Smit", "wmo-demo-ruben", false),
        ]
        var lines: [String] = []
        for (username, municipality, name, password, expertise) in demo {
            let hash = await PasswordAuthenticator<Assessor>.hash(password, cost: configuration.bcryptCost)
            try await environment.pool.withTransaction { tx in
                try AssessorRepository.insert(
                    Assessor(id: AssessorID(username), municipality: municipality, displayName: name, isExpertiseTeam: expertise),
                    passwordHash: hash,
                    in: tx
                )
            }
            lines.append(
                "  \(username.padding(toLength: 18, withPad: " ", startingAt: 0)) \(password.padding(toLength: 26, withPad: " ", startingAt: 0)) \(expertise ? "expertiseteam" : "indicatiesteller"), \(name) (\(municipality.rawValue))"
            )
        }
        await environment.publisher.close()
        return lines
    }
}
