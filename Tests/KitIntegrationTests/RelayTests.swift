import Contracts
import Foundation
import Messaging
import ReliableMessaging
import Storage
import TestKit
import Testing

/// The relay never drops or blocks: unroutable events land in `wmo.unroutable`, a row the
/// broker refuses is parked while the rows after it go out, and an idle publisher keeps its
/// connection through heartbeats.
@Suite(.serialized, .enabled(if: TestServers.available, "needs the private broker and database of scripts/test.sh"))
struct RelayTests {
    @Test func anEventWithNoQueueIsKeptInTheUnroutableQueue() async throws {
        let fixture = try await Fixture.make("unroutable")
        // Fresh broker for this routing key: no queue has ever been bound to it.
        let fresh = try await enqueueEvent(fixture, routingKey: "nobody.listens.\(fixture.schema)")
        // Deleted queue: bound once, then deleted (a partner queue removed by hand).
        let gone = Topology.Queue(name: "test.\(fixture.schema).gone", bindings: [.init(routingKey: "gone.\(fixture.schema)")])
        try await fixture.admin.declare(Topology.standard(queues: [gone]))
        try await fixture.admin.delete(gone)
        let deleted = try await enqueueEvent(fixture, routingKey: "gone.\(fixture.schema)")
        try await fixture.running([fixture.relay]) {
            try await eventually("outbox sent") { try await fixture.relay.pendingCount() == 0 }
        }
        let kept = try await fixture.admin.drain(Topology.unroutableQueue, count: 1000, timeout: 2)
        let ids = Set(kept.compactMap(\.properties.messageId))
        #expect(ids.contains(fresh), "published before any queue existed")
        #expect(ids.contains(deleted), "published after its queue was deleted")
        #expect(kept.first { $0.properties.messageId == deleted }?.routingKey == "gone.\(fixture.schema)")
        await fixture.cleanUp()
    }

    @Test func aRowTheBrokerRefusesIsParkedAndLaterEventsStillGo() async throws {
        let fixture = try await Fixture.make("parked")
        let relay = OutboxRelay(pool: fixture.pool, publisher: fixture.publisher, producer: "kit-test", logger: fixture.logger, maxAttempts: 2)
        // Above the test broker's max_message_size (20 MiB): the broker closes the channel.
        let oversized = UUID().uuidString.lowercased()
        try await fixture.pool.withTransaction { transaction in
            try Outbox.enqueueRaw(
                exchange: Topology.eventsExchange,
                routingKey: fixture.routingKey,
                messageId: oversized,
                type: ProbeRecorded.messageType,
                correlationId: nil,
                headers: [:],
                body: Data(repeating: 0x20, count: 21 * 1024 * 1024),
                in: transaction
            )
            for sequence in 0..<3 {
                let message = try Probe.message(sequence: sequence, routingKey: fixture.routingKey)
                try Outbox.enqueueRaw(
                    exchange: message.exchange,
                    routingKey: message.routingKey,
                    messageId: message.properties.messageId!,
                    type: ProbeRecorded.messageType,
                    correlationId: nil,
                    headers: [:],
                    body: message.body,
                    in: transaction
                )
            }
        }
        try await fixture.running([relay]) {
            try await eventually(timeout: .seconds(60), "the three later events delivered") {
                try await fixture.admin.messageCount(fixture.queue.name) == 3
            }
        }
        let parked = try await fixture.pool.withConnection { connection in
            try connection.query("SELECT message_id, attempts, last_error, parked_at IS NOT NULL FROM outbox").rows
        }
        #expect(parked.count == 1, "only the refused row is left")
        let row = try #require(parked.first)
        #expect(try row.decode(String.self, at: 0) == oversized)
        #expect(try row.decode(Int.self, at: 1) == 2)
        #expect(try row.decode(String.self, at: 2).contains("406"), "the broker's refusal is kept as the error")
        #expect(try row.decode(Bool.self, at: 3))
        // The operator's view and replay (scripts/outbox.sh).
        let listed = try await Scripts.run("outbox.sh", "list", fixture.schema)
        #expect(listed.contains(oversized))
        let replayed = try await Scripts.run("outbox.sh", "replay", fixture.schema, oversized)
        #expect(replayed.contains("1 parked row(s) given back"))
        let after = try await fixture.pool.withConnection { connection in
            try connection.query("SELECT attempts, parked_at IS NULL FROM outbox").single()
        }
        #expect(try after.decode(Int.self, at: 0) == 0)
        #expect(try after.decode(Bool.self, at: 1))
        await fixture.cleanUp()
    }

    @Test func anIdlePublisherKeepsItsConnectionThroughHeartbeats() async throws {
        let fixture = try await Fixture.make("heartbeat")
        let publisher = Publisher(url: fixture.url, name: "test-heartbeat", topology: fixture.topology, heartbeatSeconds: 1, logger: fixture.logger)
        try await publisher.publish(try Probe.message(sequence: 0, routingKey: fixture.routingKey))
        // Idle for several heartbeat intervals: the broker closes a connection after two missed ones.
        try await Task.sleep(for: .seconds(5))
        #expect(await publisher.isReachable())
        try await publisher.publish(try Probe.message(sequence: 1, routingKey: fixture.routingKey))
        #expect(publisher.connectionsOpened == 1, "the idle connection stayed open")
        #expect(try await fixture.admin.messageCount(fixture.queue.name) == 2)
        await publisher.close()
        await fixture.cleanUp()
    }

    private func enqueueEvent(_ fixture: Fixture, routingKey: String) async throws -> String {
        let message = try Probe.message(sequence: 0, routingKey: routingKey)
        let id = message.properties.messageId!
        try await fixture.pool.withTransaction { transaction in
            try Outbox.enqueueRaw(
                exchange: message.exchange,
                routingKey: routingKey,
                messageId: id,
                type: ProbeRecorded.messageType,
                correlationId: nil,
                headers: [:],
                body: message.body,
                in: transaction
            )
        }
        return id
    }
}
