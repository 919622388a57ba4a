public import Logging
public import ServiceLifecycle

/// Runs a test's body while services (relay, consumers) run, then shuts them down gracefully.
public enum ServicesUnderTest {
    /// What went wrong: the body's error, and the first error of a service (which would otherwise
    /// show only as a timeout of what it should have done).
    public struct Outcome {
        public var failure: (any Error)?
        public var serviceFailure: (any Error)?
    }

    /// Runs `body` with `services` running; never throws, reports both kinds of failure.
    public static func run(_ services: [any Service], logger: Logger, _ body: () async throws -> Void) async -> Outcome {
        let group = ServiceGroup(configuration: .init(services: services.map { .init(service: $0) }, logger: logger))
        var outcome = Outcome()
        await withTaskGroup(of: (any Error)?.self) { tasks in
            tasks.addTask {
                do {
                    try await group.run()
                    return nil
                } catch {
                    return error
                }
            }
            do { try await body() } catch { outcome.failure = error }
            await group.triggerGracefulShutdown()
            for await error in tasks { outcome.serviceFailure = outcome.serviceFailure ?? error }
        }
        return outcome
    }
}
