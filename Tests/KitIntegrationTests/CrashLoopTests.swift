import Contracts
import Foundation
import Messaging
import ReliableMessaging
import Storage
import Synchronization
import TestKit
import Testing

/// A message that crashes its consumer must not crash-loop the service: the broker's delivery
/// limit (policy `wmo-delivery-limit`, 5) dead-letters it, and the messages around it are
/// applied once each (the consumer's cautious start keeps them out of the crash).
@Suite(.serialized, .enabled(if: TestServers.available, "needs the private broker and database of scripts/test.sh"))
struct CrashLoopTests {
    @Test func aMessageThatKillsTheProcessIsDeadLetteredAfterTheDeliveryLimit() async throws {
        let fixture = try await Fixture.make("crashloop")
        let poison = 2
        try await fixture.publisher.publish(try (0..<6).map { try Probe.message(sequence: $0, routingKey: fixture.routingKey) })
        // A supervisor's job: start the service again whenever it dies, until the broker has
        // dead-lettered the message; the probe that then keeps running is the one that runs on.
        var starts = 0
        var running: (ProbeProcess, Task<Int32, Never>)?
        while running == nil, starts < 12 {
            let probe = try ProbeProcess(fixture: fixture, echo: nil, exitOnSequence: poison)
            starts += 1
            let status = ExitStatus()
            let exit = Task {
                let code = await probe.child.wait()
                status.code.withLock { $0 = code }
                return code
            }
            try await eventually(timeout: .seconds(60), "the probe exits, or the message is dead-lettered") {
                if status.code.withLock({ $0 }) != nil { return true }
                return try await fixture.admin.messageCount(fixture.queue.deadLetterQueue) > 0
            }
            if let code = status.code.withLock({ $0 }) {
                #expect(code == 3, "the probe exits through the planted bug, not otherwise")
            } else {
                running = (probe, exit)
            }
        }
        let (probe, exit) = try #require(running, "the broker should have dead-lettered the message after 6 deliveries")
        #expect(starts >= 6, "delivered once plus 5 redeliveries before the limit")
        let dead = try await fixture.admin.drain(fixture.queue.deadLetterQueue, count: 1)
        let message = try #require(dead.first)
        #expect(message.properties.headers["x-first-death-reason"] == .string("delivery_limit"))
        let payload = try ContractJSON.decoder().decode(Envelope<ProbeRecorded>.self, from: message.body).payload
        #expect(payload.sequence == poison)

        // The service runs on: the other messages and a new one are applied, once each.
        do {
            try await fixture.publisher.publish(try Probe.message(sequence: 6, routingKey: fixture.routingKey))
            try await eventually("the rest applied") { await fixture.effects() == 6 }
        } catch {
            probe.child.signal(SIGKILL)
            _ = await exit.value
            throw error
        }
        probe.child.signal(SIGTERM)
        #expect(await exit.value == 0)
        #expect(await fixture.distinctEffects() == 6)
        #expect(try await fixture.admin.messageCount(fixture.queue.deadLetterQueue) == 0)
        await fixture.cleanUp()
    }

    @Test func sigtermStopsAnIdleConsumerWithinTenSeconds() async throws {
        let fixture = try await Fixture.make("sigterm")
        let probe = try ProbeProcess(fixture: fixture, echo: nil)
        try await fixture.publisher.publish(try Probe.message(sequence: 0, routingKey: fixture.routingKey))
        try await eventually("probe consuming") { await fixture.effects() == 1 }
        let started = ContinuousClock.now
        probe.child.signal(SIGTERM)
        let status = await probe.child.wait()
        #expect(status == 0)
        #expect(ContinuousClock.now - started < .seconds(10))
        await fixture.cleanUp()
    }
}

/// The exit status of a child, once it exited.
final class ExitStatus: Sendable {
    let code = Mutex<Int32?>(nil)
}
