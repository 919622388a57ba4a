public import Contracts
import Foundation
import Hummingbird
import Logging
import Messaging
public import ServiceHTTP
public import ServiceRuntime
import StaffPages
public import Storage

/// The commands of the `referral-index` executable: serve, designate an organisation, add an
/// account, seed the demo.
public enum ReferralIndexServer {
    /// The settings of the referral index (schema `referralindex`, port 8082 by default).
    public static func settings() -> ServiceSettings {
        ServiceSettings(serviceName: "referral-index", defaultSchema: "referralindex", defaultPort: 8082)
    }

    /// Migrates, and runs the API, the inbound consumer, the outbox relay and the scheduled
    /// removal until SIGTERM or SIGINT.
    public static func serve(settings: ServiceSettings = settings()) async throws {
        let configuration = try ReferralIndexConfiguration(settings: settings)
        let queue = ReferralIndexTopology.queue(for: configuration.settings.federation)
        // The national index holds no signals of its own: no death notices for it.
        let deaths = configuration.settings.federation == .national ? nil : ReferralIndexTopology.deathNotices()
        let environment = try await ServiceEnvironment.start(
            settings: settings,
            migrations: ReferralIndexMigrations.all,
            topology: Topology.standard(queues: [queue] + (deaths.map { [$0] } ?? []))
        )
        let service = ReferralIndexService(
            pool: environment.pool,
            settings: configuration.settings,
            producer: settings.serviceName,
            relay: environment.relay
        )
        let authenticator = authenticator(pool: environment.pool, configuration: configuration)
        let router = ReferralIndexAPI.router(service: service, authenticator: authenticator)
        try await ReferralIndexPages(service: service, authenticator: authenticator, settings: PageSettings(settings: settings)).add(to: router)
        OperationsRoutes.add(to: router) { await environment.readiness() }
        let application = Application(
            router: router,
            configuration: .init(address: .hostname(settings.httpHost, port: settings.httpPort)),
            logger: environment.logger
        )
        let handlers = ReferralIndexHandlers.make(service: service)
        let consumer = environment.inboxConsumer(queue: queue, handlers: handlers)
        let deathConsumer = deaths.map { environment.inboxConsumer(queue: $0, handlers: handlers) }
        let logger = environment.logger
        let removal = ScheduledJob("scheduled removal", every: configuration.removalInterval, logger: logger) {
            let run = try await service.runRemoval()
            if run.removed + run.deleted + run.auditEntriesDeleted > 0 {
                logger.info(
                    "scheduled removal",
                    metadata: ["removed": "\(run.removed)", "deleted": "\(run.deleted)", "auditEntriesDeleted": "\(run.auditEntriesDeleted)"]
                )
            }
        }
        try await environment.run([application, consumer, removal] + (deathConsumer.map { [$0] } ?? []))
    }

    /// The accounts' authenticator over `professionals`.
    public static func authenticator(pool: ConnectionPool, configuration: ReferralIndexConfiguration) -> PasswordAuthenticator<Professional> {
        PasswordAuthenticator(
            pool: pool,
            cost: configuration.bcryptCost,
            cacheLifetime: TimeInterval(configuration.authCacheSeconds),
            trustedProxies: configuration.trustedProxies
        ) { username, tx in try ProfessionalRepository.find(username: username, in: tx) }
    }

    /// Designates `organisation` (meldingsbevoegd) under `name` and gives it a new API key,
    /// returned once (the index keeps its SHA-256).
    public static func addOrganisation(
        _ organisation: OrganisationKey,
        name: String,
        settings: ServiceSettings = settings()
    ) async throws
        -> String
    {
        let environment = try await ServiceEnvironment.start(
            settings: settings,
            migrations: ReferralIndexMigrations.all,
            topology: ReferralIndexTopology.topology
        )
        let apiKey = CSRFToken.make()  // 32 secure random bytes as hex
        try await environment.pool.withTransaction { tx in
            try OrganisationRepository.upsert(Organisation(key: organisation, name: name), in: tx)
            try OrganisationRepository.setAPIKey(apiKey, of: organisation, in: tx)
        }
        await environment.publisher.close()
        return apiKey
    }

    /// The demo: two designated organisations in Arnhem with a professional each, the
    /// municipality's coordinator organisation, a coordinator and an administrator
    /// (idempotent); returns the logins as printable lines.
    public static func seedDemo(settings: ServiceSettings = settings()) async throws -> [String] {
        let configuration = try ReferralIndexConfiguration(settings: settings)
        let environment = try await ServiceEnvironment.start(
            settings: settings,
            migrations: ReferralIndexMigrations.all,
            topology: ReferralIndexTopology.topology
        )
        let organisations = [
            Organisation(key: OrganisationKey(municipality: .arnhem, id: "jeugdzorg"), name: "Jeugdzorg Gelderland"),
            Organisation(key: OrganisationKey(municipality: .arnhem, id: "school"), name: "Scholengroep Rijnstad"),
            Organisation(key: OrganisationKey(municipality: .arnhem, id: "regie"), name: "Gemeente Arnhem, regie verwijsindex"),
        ]
        let accounts: [(Professional, String)] = [
            (
                Professional(
                    username: "sanne.jeugdzorg",
                    municipality: .arnhem,
                    organisation: organisations[0].key,
                    role: .professional,
                    contact: ProfessionalContact(name: "Sanne de Wit", phone: "026 123 4567", email: "sanne@jeugdzorg.example")
                ), "wmo-demo-sanne"
            ),
            (
                Professional(
                    username: "joost.school",
                    municipality: .arnhem,
                    organisation: organisations[1].key,
                    role: .professional,
                    contact: ProfessionalContact(name: "Joost Visser", phone: "026 765 4321", email: "joost@rijnstad.example")
                ), "wmo-demo-joost"
            ),
            (Professional(username: "carla.arnhem", municipality: .arnhem, organisation: nil, role: .coordinator, contact: nil), "wmo-demo-carla"),
            (Professional(username: "admin.arnhem", municipality: .arnhem, organisation: nil, role: .administrator, contact: nil), "wmo-demo-admin"),
        ]
        var lines: [String] = []
        for (account, password) in accounts {
            let hash = await PasswordAuthenticator<Professional>.hash(password, cost: configuration.bcryptCost)
            try await environment.pool.withTransaction { tx in
                for organisation in organisations { try OrganisationRepository.upsert(organisation, in: tx) }
                try ProfessionalRepository.insert(account, passwordHash: hash, in: tx)
            }
            let role = account.organisation.map { "\(account.role.rawValue), \($0)" } ?? account.role.rawValue
            lines.append(
                "  \(account.username.padding(toLength: 18, withPad: " ", startingAt: 0)) \(password.padding(toLength: 26, withPad: " ", startingAt: 0)) \(role)"
            )
        }
        await environment.publisher.close()
        return lines
    }
}
