import ReferralIndex
import ServiceRuntime

/// The referral index (verwijsindex risicojongeren): for now it starts, migrates, declares its
/// topology and serves `/health`, `/ready` and `/metrics`.
let settings = ServiceSettings(serviceName: "referral-index", defaultSchema: "referralindex", defaultPort: 8082)
let environment = try await ServiceEnvironment.start(
    settings: settings,
    migrations: ReferralIndexMigrations.all,
    topology: ReferralIndexTopology.topology
)
try await environment.run([environment.operationsApplication()])
