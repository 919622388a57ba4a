import Matching
import ServiceRuntime

/// Volunteer and informal-care matching: for now it starts, migrates, declares its topology
/// and serves `/health`, `/ready` and `/metrics`.
let settings = ServiceSettings(serviceName: "matching", defaultSchema: "matching", defaultPort: 8083)
let environment = try await ServiceEnvironment.start(
    settings: settings,
    migrations: MatchingMigrations.all,
    topology: MatchingTopology.topology
)
try await environment.run([environment.operationsApplication()])
