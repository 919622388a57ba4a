public import Contracts
import Foundation
import Hummingbird
import Logging
import Messaging
public import ServiceRuntime
import StaffPages
import Storage

/// The two commands of the `front-desk` executable: serve, and seed the demo data.
public enum FrontDeskServer {
    /// The settings of the front desk (schema `frontdesk`, port 8080 by default).
    public static func settings() -> ServiceSettings {
        ServiceSettings(serviceName: "front-desk", defaultSchema: "frontdesk", defaultPort: 8080)
    }

    /// Migrates, declares the partners' queues, and runs the HTTP API, the inbound consumer and
    /// the outbox relay until SIGTERM or SIGINT.
    public static func serve(settings: ServiceSettings = settings()) async throws {
        let configuration = try FrontDeskConfiguration(settings: settings)
        let environment = try await ServiceEnvironment.start(
            settings: settings,
            migrations: FrontDeskMigrations.all,
            topology: FrontDeskTopology.topology
        )
        let partnerQueues = PartnerQueues(url: environment.amqpURL, logger: environment.logger)
        let partners = try await environment.pool.withTransaction { tx in try PartnerRepository.referralPartners(in: tx) }
        try await declareWaitingForBroker(partners, with: partnerQueues, logger: environment.logger)
        let service = FrontDeskService(
            pool: environment.pool,
            producer: settings.serviceName,
            relay: environment.relay,
            partnerQueues: partnerQueues,
            statutoryDeadlines: StatutoryDeadlines(calendar: configuration.calendar)
        )
        let backfilled = try await service.backfillTerms()
        if backfilled > 0 { environment.logger.info("statutory terms stored for \(backfilled) older requests") }
        let authenticator = StaffAuthenticator(
            pool: environment.pool,
            cost: configuration.bcryptCost,
            cacheLifetime: TimeInterval(configuration.authCacheSeconds),
            trustedProxies: configuration.trustedProxies
        )
        let router = FrontDeskAPI.router(service: service, authenticator: authenticator)
        try await FrontDeskPages(service: service, authenticator: authenticator, settings: PageSettings(settings: settings)).add(to: router)
        OperationsRoutes.add(to: router) { await environment.readiness() }
        let application = Application(
            router: router,
            configuration: .init(address: .hostname(settings.httpHost, port: settings.httpPort)),
            logger: environment.logger
        )
        let consumer = environment.inboxConsumer(
            queue: FrontDeskTopology.inbound,
            handlers: FrontDeskHandlers.make(deadlines: service.statutoryDeadlines)
        )
        try await environment.run([application, consumer])
    }

    /// Writes the demo data (idempotent), declares the demo partners' queues and returns the
    /// logins as printable lines.
    public static func seedDemo(settings: ServiceSettings = settings()) async throws -> [String] {
        let configuration = try FrontDeskConfiguration(settings: settings)
        let environment = try await ServiceEnvironment.start(
            settings: settings,
            migrations: FrontDeskMigrations.all,
            topology: FrontDeskTopology.topology
        )
        let logins = try await DemoData.seed(pool: environment.pool, bcryptCost: configuration.bcryptCost)
        do {
            try await PartnerQueues(url: environment.amqpURL, logger: environment.logger).declare(DemoData.partnerKeys)
        } catch {
            environment.logger.warning(
                "partner queues not declared now; the service declares them at its next start",
                metadata: ["error": "\(error)"]
            )
        }
        await environment.publisher.close()
        var lines: [String] = []
        for municipality in [MunicipalityCodeName.arnhem, .nijmegen] {
            lines.append("\(municipality.name) (\(municipality.code))")
            for login in logins where login.municipality.rawValue == municipality.code {
                let user = login.username.padding(toLength: 18, withPad: " ", startingAt: 0)
                let password = login.password.padding(toLength: 26, withPad: " ", startingAt: 0)
                lines.append("  \(user) \(password) \(login.role.dutchName), \(login.displayName)")
            }
        }
        return lines
    }

    /// Puts an organisation on the social map of `municipality` as a partner that takes
    /// referrals, and declares its queue (`scripts/organisations.sh add partner`, after the
    /// broker login exists). Idempotent: an existing entry is kept.
    public static func registerPartner(
        municipality: MunicipalityCode,
        id: String,
        name: String,
        categories: [LifeDomain],
        settings: ServiceSettings = settings()
    ) async throws -> String {
        let environment = try await ServiceEnvironment.start(
            settings: settings,
            migrations: FrontDeskMigrations.all,
            topology: FrontDeskTopology.topology
        )
        let partner = try PartnerInput(id: id, name: name, kind: .partnerOrganisation, categories: categories)
            .makePartner(municipality: municipality)
        let key = FrontDeskTopology.organisation(partner.id, of: municipality)
        try await PartnerQueues(url: environment.amqpURL, logger: environment.logger).declare([key])
        let added = try await environment.pool.withTransaction { tx -> Bool in
            guard try PartnerRepository.find(id: partner.id, municipality: municipality, in: tx) == nil else { return false }
            try PartnerRepository.insert(partner, in: tx)
            return true
        }
        await environment.publisher.close()
        return
            "social map of \(municipality.rawValue): partner \(id) \(added ? "added" : "already listed"), queue \(FrontDeskTopology.partnerQueueName(key))"
    }

    /// Declares the queues, waiting with backoff while the broker is not up yet: a request must
    /// never be passed on to a partner whose queue does not exist.
    static func declareWaitingForBroker(_ partners: [OrganisationKey], with queues: PartnerQueues, logger: Logger) async throws {
        var backoff = Backoff(initial: .milliseconds(200), maximum: .seconds(5))
        while true {
            do {
                return try await queues.declare(partners)
            } catch {
                let wait = backoff.next()
                logger.warning("broker not reachable yet for partner queues", metadata: ["error": "\(error)", "retryIn": "\(wait)"])
                try await Task.sleep(for: wait)
            }
        }
    }

    private enum MunicipalityCodeName {
        case arnhem, nijmegen
        var code: String { self == .arnhem ? "0202" : "0268" }
        var name: String { self == .arnhem ? "Arnhem" : "Nijmegen" }
    }
}
