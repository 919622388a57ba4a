import Contracts
import Foundation
import Messaging
import ReliableMessaging
import Storage
import Synchronization
import TestKit
import Testing

/// The faults the platform promises to survive: a database outage, a broker restart, and a
/// consumer killed with SIGKILL in the middle of a batch.
@Suite(.serialized, .enabled(if: TestServers.available, "needs the private broker and database of scripts/test.sh"))
struct FaultTests {
    @Test func databaseDownMeansRetryNotDeadLetter() async throws {
        let fixture = try await Fixture.make("dbdown")
        try await fixture.running([fixture.relay, fixture.consumer()]) {
            try await fixture.publisher.publish(try (0..<20).map { try Probe.message(sequence: $0, routingKey: fixture.routingKey) })
            try await eventually("first 20 applied") { await fixture.effects() == 20 }

            try Scripts.run("database.sh", "stop")
            do {
                try await fixture.publisher.publish(try (20..<60).map { try Probe.message(sequence: $0, routingKey: fixture.routingKey) })
                // The consumer holds the messages and retries while the database is away.
                try await Task.sleep(for: .seconds(3))
                #expect(try await fixture.admin.messageCount(fixture.queue.deadLetterQueue) == 0)
            } catch {
                _ = try? Scripts.run("database.sh", "start")
                throw error
            }
            try Scripts.run("database.sh", "start")
            try await eventually(timeout: .seconds(60), "all 60 applied once the database is back") { await fixture.effects() == 60 }
        }
        #expect(await fixture.distinctEffects() == 60)
        #expect(await fixture.effects() == 60)
        #expect(try await fixture.admin.messageCount(fixture.queue.deadLetterQueue) == 0)
        await fixture.cleanUp()
    }

    @Test func brokerRestartDuringPublishingLosesNoConfirmedMessage() async throws {
        let fixture = try await Fixture.make("brokerrestart")
        let confirmed = ConfirmedLog()
        let total = 400
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for sequence in 0..<total {
                    try await fixture.publisher.publish(try Probe.message(sequence: sequence, routingKey: fixture.routingKey))
                    confirmed.values.withLock { $0.append(sequence) }
                }
            }
            group.addTask {
                try await eventually("publishing under way") { confirmed.values.withLock { $0.count } >= 50 }
                try Scripts.run("broker.sh", "restart")
            }
            try await group.waitForAll()
        }
        #expect(confirmed.values.withLock { $0.count } == total)
        try await fixture.running([fixture.relay, fixture.consumer()]) {
            try await eventually(timeout: .seconds(60), "every confirmed message applied") {
                await fixture.distinctEffects() == total
            }
        }
        #expect(await fixture.effects() == total)
        await fixture.cleanUp()
    }

    @Test func consumerKilledMidBatchLosesNothingAndAppliesNothingTwice() async throws {
        let fixture = try await Fixture.make("sigkill")
        let echoQueue = Topology.Queue(name: "test.\(fixture.schema).echo", bindings: [.init(routingKey: "echo.\(fixture.schema)")])
        try await fixture.admin.declare(Topology.standard(queues: [echoQueue]))
        let total = 3000
        for start in stride(from: 0, to: total, by: 500) {
            try await fixture.publisher.publish(try (start..<(start + 500)).map {
                try Probe.message(sequence: $0, routingKey: fixture.routingKey, padding: 200)
            })
        }
        var probe = try ProbeProcess(fixture: fixture, echo: "echo.\(fixture.schema)")
        try await eventually("probe under way") { await fixture.effects() >= 300 }
        probe.kill()
        let atKill = await fixture.effects()
        #expect(atKill < total, "the kill must land mid-stream to prove anything")

        probe = try ProbeProcess(fixture: fixture, echo: "echo.\(fixture.schema)")
        try await eventually(timeout: .seconds(90), "every message applied after restart") {
            await TestDatabase.count(fixture.pool, "SELECT count(*) FROM inbox") == total
        }
        try await eventually("outbox drained") { await TestDatabase.count(fixture.pool, "SELECT count(*) FROM outbox") == 0 }
        probe.terminate()
        #expect(await fixture.effects() == total)
        #expect(await fixture.distinctEffects() == total)
        // Events may be published twice around the kill (at-least-once on the wire) but none is lost.
        let echoes = try await fixture.admin.drain(echoQueue.name, count: total * 2, timeout: 5)
        let sequences = Set(try echoes.map { try ContractJSON.decoder().decode(Envelope<ProbeRecorded>.self, from: $0.body).payload.sequence })
        #expect(sequences.count == total)
        try? await fixture.admin.delete(echoQueue)
        await fixture.cleanUp()
    }
}

/// The `kit-probe` executable, started for one test.
struct ProbeProcess {
    let process = Process()

    init(fixture: Fixture, echo: String) throws {
        let binary = TestServers.repositoryRoot.appendingPathComponent(".build/debug/kit-probe")
        process.executableURL = binary
        var environment = ProcessInfo.processInfo.environment
        environment["PROBE_QUEUE"] = fixture.queue.name
        environment["PROBE_SCHEMA"] = fixture.schema
        environment["PROBE_ECHO"] = echo
        process.environment = environment
        try process.run()
        if let directory = ProcessInfo.processInfo.environment["WMO_TEST_PID_DIR"] {
            try? "\(process.processIdentifier)".write(toFile: "\(directory)/kit-probe.pid", atomically: true, encoding: .utf8)
        }
    }

    /// SIGKILL: no chance to ack, commit or clean up.
    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// SIGTERM and wait for the graceful shutdown.
    func terminate() {
        process.terminate()
        process.waitUntilExit()
    }
}

/// Sequence numbers the broker confirmed, shared between the publishing and restarting tasks.
final class ConfirmedLog: Sendable {
    let values = Mutex<[Int]>([])
}
