import Indication
import ServiceRuntime

/// The indication service (indicatiestelling): for now it starts, migrates, declares its
/// topology and serves `/health`, `/ready` and `/metrics`.
let settings = ServiceSettings(serviceName: "indication", defaultSchema: "indication", defaultPort: 8081)
let environment = try await ServiceEnvironment.start(
    settings: settings,
    migrations: IndicationMigrations.all,
    topology: IndicationTopology.topology
)
try await environment.run([environment.operationsApplication()])
