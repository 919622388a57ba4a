import CitizenPanel
import ServiceRuntime

/// The citizen panel (burgerpanel): for now it starts, migrates, declares its topology and
/// serves `/health`, `/ready` and `/metrics`.
let settings = ServiceSettings(serviceName: "citizen-panel", defaultSchema: "citizenpanel", defaultPort: 8084)
let environment = try await ServiceEnvironment.start(
    settings: settings,
    migrations: CitizenPanelMigrations.all,
    topology: CitizenPanelTopology.topology
)
try await environment.run([environment.operationsApplication()])
