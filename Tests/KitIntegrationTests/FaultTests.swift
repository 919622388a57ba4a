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

            try await Scripts.run("database.sh", "stop")
            do {
                try await fixture.publisher.publish(try (20..<60).map { try Probe.message(sequence: $0, routingKey: fixture.routingKey) })
                // The consumer holds the messages and retries while the database is away.
                try await Task.sleep(for: .seconds(3))
                #expect(try await fixture.admin.messageCount(fixture.queue.deadLetterQueue) == 0)
            } catch {
                _ = try? await Scripts.run("database.sh", "start")
                throw error
            }
            try await Scripts.run("database.sh", "start")
            try await eventually(timeout: .seconds(60), "all 60 applied once the database is back") { await fixture.effects() == 60 }
        }
        #expect(await fixture.distinctEffects() == 60)
        #expect(await fixture.effects() == 60)
        #expect(try await fixture.admin.messageCount(fixture.queue.deadLetterQueue) == 0)
        await fixture.cleanUp()
    }

    @Test func brokerRestartDuringPublishingLosesNoConfirmedMessage() async throws {
        let fixture = try await Fixture.make("brokerrestart")
        let log = ConfirmedLog()
        // Publish one message at a time, each confirmed, before, during and after a restart.
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                var sequence = 0
                while true {
                    let (restarted, confirmedAfter) = log.values.withLock { ($0.restarted, $0.confirmedAfterRestart) }
                    if restarted && confirmedAfter >= 100 { break }
                    let started = ContinuousClock.now
                    try await fixture.publisher.publish(try Probe.message(sequence: sequence, routingKey: fixture.routingKey))
                    let waited = ContinuousClock.now - started
                    log.values.withLock {
                        $0.confirmed.append(sequence)
                        $0.longestWait = max($0.longestWait, waited)
                        if $0.restarted { $0.confirmedAfterRestart += 1 }
                    }
                    sequence += 1
                }
            }
            group.addTask {
                try await eventually("publishing under way") { log.values.withLock { $0.confirmed.count } >= 50 }
                try await Scripts.run("broker.sh", "restart")
                log.values.withLock { $0.restarted = true }
            }
            try await group.waitForAll()
        }
        let (confirmed, longestWait) = log.values.withLock { ($0.confirmed, $0.longestWait) }
        // A publish spanned the outage: it waited for the broker instead of failing or lying.
        #expect(longestWait > .seconds(1))
        try await fixture.running([fixture.relay, fixture.consumer()]) {
            try await eventually(timeout: .seconds(60), "every confirmed message applied") {
                await fixture.distinctEffects() == confirmed.count
            }
        }
        #expect(await fixture.effects() == confirmed.count)
        await fixture.cleanUp()
    }

    @Test func consumerKilledMidBatchLosesNothingAndAppliesNothingTwice() async throws {
        let fixture = try await Fixture.make("sigkill")
        let echoQueue = Topology.Queue(name: "test.\(fixture.schema).echo", bindings: [.init(routingKey: "echo.\(fixture.schema)")])
        try await fixture.admin.declare(Topology.standard(queues: [echoQueue]))
        let total = 3000
        for start in stride(from: 0, to: total, by: 500) {
            try await fixture.publisher.publish(
                try (start..<(start + 500)).map {
                    try Probe.message(sequence: $0, routingKey: fixture.routingKey, padding: 200)
                }
            )
        }
        var probe = try ProbeProcess(fixture: fixture, echo: "echo.\(fixture.schema)")
        try await eventually("probe under way") { await fixture.effects() >= 300 }
        await probe.kill()
        let atKill = await fixture.effects()
        #expect(atKill < total, "the kill must land mid-stream to prove anything")

        probe = try ProbeProcess(fixture: fixture, echo: "echo.\(fixture.schema)")
        do {
            try await eventually(timeout: .seconds(90), "every message applied after restart") {
                await TestDatabase.count(fixture.pool, "SELECT count(*) FROM inbox") == total
            }
            try await eventually(timeout: .seconds(60), "outbox drained (the killed relay's leases expire after 30 s)") {
                await TestDatabase.count(fixture.pool, "SELECT count(*) FROM outbox") == 0
            }
        } catch {
            await probe.kill()
            throw error
        }
        await probe.terminate()
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
    let child: ChildProcess

    init(fixture: Fixture, echo: String?, exitOnSequence: Int? = nil) throws {
        let binary = TestServers.repositoryRoot.appendingPathComponent(".build/debug/kit-probe").path
        // Output to a file: a child holding the test runner's stdout open would keep `swift test`
        // waiting for EOF after a failure.
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("kit-probe-\(fixture.schema).log").path
        child = try ChildProcess(
            binary,
            [],
            environment: [
                "PROBE_QUEUE": fixture.queue.name, "PROBE_SCHEMA": fixture.schema, "PROBE_ECHO": echo ?? "",
                "PROBE_EXIT_ON_SEQUENCE": exitOnSequence.map(String.init) ?? "",
            ],
            logFile: log
        )
        if let directory = ProcessInfo.processInfo.environment["WMO_TEST_PID_DIR"] {
            try? "\(child.pid)".write(toFile: "\(directory)/kit-probe.pid", atomically: true, encoding: .utf8)
        }
    }

    /// SIGKILL: no chance to ack, commit or clean up.
    func kill() async {
        child.signal(SIGKILL)
        await child.wait()
    }

    /// SIGTERM and wait for the graceful shutdown.
    func terminate() async {
        child.signal(SIGTERM)
        await child.wait()
    }
}

/// Sequence numbers the broker confirmed, shared between the publishing and restarting tasks.
final class ConfirmedLog: Sendable {
    struct State {
        var confirmed: [Int] = []
        var restarted = false
        var confirmedAfterRestart = 0
        var longestWait = Duration.zero
    }
    let values = Mutex(State())
}
