public import Contracts
import Foundation
import Hummingbird
import Logging
import ServiceHTTP
public import ServiceRuntime
import StaffPages
import Storage

/// The commands of the `matching` executable: serve, register a volunteer centre, seed the demo.
public enum MatchingServer {
    /// The settings of matching (schema `matching`, port 8083 by default).
    public static func settings() -> ServiceSettings {
        ServiceSettings(serviceName: "matching", defaultSchema: "matching", defaultPort: 8083)
    }

    /// Migrates, and runs the inbound consumer, the outbox relay, the sweep and `/health`,
    /// `/ready`, `/metrics` until SIGTERM or SIGINT.
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
        let consumer = environment.inboxConsumer(queue: MatchingTopology.requests, handlers: MatchingHandlers.make(service: service))
        let logger = environment.logger
        let sweep = ScheduledJob("matching sweep", every: configuration.sweepInterval, logger: logger) {
            let run = try await service.runSweep()
            if run.lapsed + run.proposed + run.failed > 0 {
                logger.info("matching sweep", metadata: ["lapsed": "\(run.lapsed)", "proposed": "\(run.proposed)", "failed": "\(run.failed)"])
            }
        }
        try await environment.run([environment.operationsApplication(), consumer, sweep])
    }

    /// Registers the volunteer centre `centre` under `name` (its broker login comes from
    /// `scripts/organisations.sh add volunteer-centre`).
    public static func addCentre(_ centre: OrganisationKey, name: String, settings: ServiceSettings = settings()) async throws {
        let environment = try await ServiceEnvironment.start(
            settings: settings,
            migrations: MatchingMigrations.all,
            topology: MatchingTopology.topology
        )
        try await environment.pool.withTransaction { tx in try AccountRepository.upsertCentre(centre, name: name, in: tx) }
        await environment.publisher.close()
    }
}
