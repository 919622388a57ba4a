import FrontDesk
import ServiceRuntime

let settings = ServiceSettings(serviceName: "front-desk", defaultSchema: "frontdesk", defaultPort: 8080)
let environment = try await ServiceEnvironment.start(
    settings: settings, migrations: FrontDeskMigrations.all, topology: FrontDeskTopology.topology)
try await environment.run([environment.operationsApplication()])
