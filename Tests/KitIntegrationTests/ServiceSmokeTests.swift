import Foundation
import TestKit
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Every service executable starts against the real broker and database, migrates, declares
/// its topology, answers `/health`, `/ready` and `/metrics`, and exits cleanly on SIGTERM.
@Suite(.serialized, .enabled(if: TestServers.available, "needs the private broker and database of scripts/test.sh"))
struct ServiceSmokeTests {
    @Test(arguments: [
        ("indication", 18081), ("referral-index", 18082), ("matching", 18083), ("citizen-panel", 18084),
    ])
    func serviceStartsServesOperationsRoutesAndStopsOnSIGTERM(executable: String, port: Int) async throws {
        let binary = TestServers.repositoryRoot.appendingPathComponent(".build/debug/\(executable)").path
        let schema = "smoke_\(executable.replacingOccurrences(of: "-", with: "_"))_\(UInt16.random(in: 0...UInt16.max))"
        // The service's own broker login (compose/broker/definitions.json), not the admin's:
        // the smoke test proves its permissions suffice.
        let user = executable.replacingOccurrences(of: "-", with: "")
        let amqpURL = TestServers.amqpURL.replacingOccurrences(of: "guest:guest@", with: "\(user):\(user)@")
        let child = try ChildProcess(
            binary,
            [],
            environment: [
                "AMQP_URL": amqpURL, "DATABASE_URL": TestServers.databaseURL, "DATABASE_SCHEMA": schema,
                "HTTP_PORT": String(port), "LOG_LEVEL": "warning",
                "REFERRAL_INDEX_SECRET": "smoke-test-secret-of-at-least-32-characters",
            ]
        )
        if let directory = ProcessInfo.processInfo.environment["WMO_TEST_PID_DIR"] {
            try? "\(child.pid)".write(toFile: "\(directory)/\(executable).pid", atomically: true, encoding: .utf8)
        }
        let base = "http://127.0.0.1:\(port)"
        do {
            try await eventually(timeout: .seconds(30), "\(executable) /health answers") { try await get("\(base)/health").0 == 200 }
            let (readyStatus, readyBody) = try await get("\(base)/ready")
            #expect(readyStatus == 200, "ready: \(readyBody)")
            #expect(readyBody.contains(#""database":true"#) && readyBody.contains(#""broker":true"#))
            let (metricsStatus, metrics) = try await get("\(base)/metrics")
            #expect(metricsStatus == 200)
            #expect(metrics.contains("wmo_outbox_relayed_total") || metrics.contains("wmo_outbox_oldest_unsent_age_seconds"))
        } catch {
            child.signal(SIGKILL)
            await child.wait()
            throw error
        }
        child.signal(SIGTERM)
        let status = await child.wait()
        #expect(status == 0, "\(executable) should exit 0 after SIGTERM")
    }

    private func get(_ url: String) async throws -> (Int, String) {
        let (data, response) = try await URLSession.shared.data(from: URL(string: url)!)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }
}
