import Foundation
import Hummingbird
import Logging
public import ServiceHTTP
public import ServiceRuntime
import WorkingDays

/// The `citizen-panel` executable: migrates, and runs the satisfaction consumer, the outbox
/// relay, the respondents' questionnaire page and `/health`, `/ready`, `/metrics` until SIGTERM or
/// SIGINT.
public enum CitizenPanelServer {
    /// The settings of the citizen panel (schema `citizenpanel`, port 8084 by default).
    public static func settings() -> ServiceSettings {
        ServiceSettings(serviceName: "citizen-panel", defaultSchema: "citizenpanel", defaultPort: 8084)
    }

    public static func serve(settings: ServiceSettings = settings()) async throws {
        let reader = settings.reader
        let fraction = Double(reader.string(forKey: "panel.satisfaction.fraction", default: "1")) ?? 1
        let panel = CitizenPanelSettings(
            sampling: SatisfactionSampling(fraction: fraction),
            publicBaseURL: reader.string(forKey: "panel.public.url", default: "http://127.0.0.1:\(settings.httpPort)")
        )
        let environment = try await ServiceEnvironment.start(
            settings: settings,
            migrations: CitizenPanelMigrations.all,
            topology: CitizenPanelTopology.topology
        )
        let service = CitizenPanelService(pool: environment.pool, settings: panel, producer: settings.serviceName, relay: environment.relay)
        let router = Router(context: BasicRequestContext.self)
        try await QuestionnairePage(service: service).add(to: router)
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
        try await environment.run([application, consumer])
    }
}
