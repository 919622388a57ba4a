import Contracts
import Foundation
import Logging
import Messaging
import ReliableMessaging
import Storage
import TestKit
import Testing

/// Publish → consume → effect, exactly once, against the real broker and database.
@Suite(.serialized, .enabled(if: TestServers.available, "needs the private broker and database of scripts/test.sh"))
struct DeliveryTests {
    @Test func eachMessageTakesEffectExactlyOnceEvenWhenSentTwice() async throws {
        let fixture = try await Fixture.make("once")
        let ids = (0..<200).map { _ in UUID() }
        let messages = try ids.enumerated().map { try Probe.message(sequence: $0.offset, routingKey: fixture.routingKey, messageId: $0.element) }
        // Every message twice (as a publisher retry after a lost confirm would), in batches.
        try await fixture.publisher.publish(messages)
        try await fixture.publisher.publish(Array(messages.prefix(100)) + Array(messages.reversed().prefix(50)))

        try await fixture.running([fixture.relay, fixture.consumer()]) {
            try await eventually("all 200 messages applied") { await fixture.effects() == 200 }
            try await eventually("duplicates consumed") { try await fixture.admin.messageCount(fixture.queue.name) == 0 }
        }
        #expect(await fixture.effects() == 200)
        #expect(await fixture.distinctEffects() == 200)
        #expect(await TestDatabase.count(fixture.pool, "SELECT count(*) FROM inbox") == 200)
        #expect(try await fixture.admin.messageCount(fixture.queue.deadLetterQueue) == 0)
        await fixture.cleanUp()
    }

    @Test func eventsWrittenInTheHandlerAreRelayedWithConfirms() async throws {
        let fixture = try await Fixture.make("relay")
        let echoQueue = Topology.Queue(name: "test.\(fixture.schema).echo", bindings: [.init(routingKey: "echo.\(fixture.schema)")])
        try await fixture.admin.declare(Topology.standard(queues: [echoQueue]))
        let messages = try (0..<50).map { try Probe.message(sequence: $0, routingKey: fixture.routingKey) }
        try await fixture.publisher.publish(messages)
        try await fixture.running([fixture.relay, fixture.consumer(handlers: Probe.handlers(emitTo: "echo.\(fixture.schema)"))]) {
            try await eventually("50 echoes on the echo queue") { try await fixture.admin.messageCount(echoQueue.name) == 50 }
            try await eventually("outbox emptied") { await TestDatabase.count(fixture.pool, "SELECT count(*) FROM outbox") == 0 }
        }
        let echoes = try await fixture.admin.drain(echoQueue.name, count: 50)
        let decoder = ContractJSON.decoder()
        let sequences = Set(try echoes.map { try decoder.decode(Envelope<ProbeRecorded>.self, from: $0.body).payload.sequence })
        #expect(sequences == Set(0..<50))
        #expect(echoes.allSatisfy { $0.properties.persistent && $0.properties.type == ProbeRecorded.messageType })
        #expect(echoes.allSatisfy { $0.properties.headers["x-schema-version"] == .string("1.0") })
        try? await fixture.admin.delete(echoQueue)
        await fixture.cleanUp()
    }

    @Test func aDeletedQueueCancelsTheConsumerWhichDeclaresItAgainAndCarriesOn() async throws {
        let fixture = try await Fixture.make("cancel")
        try await fixture.running([fixture.relay, fixture.consumer()]) {
            try await fixture.publisher.publish(try (0..<5).map { try Probe.message(sequence: $0, routingKey: fixture.routingKey) })
            try await eventually("first five applied") { await fixture.effects() == 5 }
            // consumer_cancel_notify: the broker sends basic.cancel instead of leaving the consumer waiting.
            try await fixture.admin.with { try $0.deleteQueue(fixture.queue.name) }
            try await eventually("queue declared again by the consumer") {
                (try? await fixture.admin.messageCount(fixture.queue.name)) != nil
            }
            try await fixture.publisher.publish(try (5..<10).map { try Probe.message(sequence: $0, routingKey: fixture.routingKey) })
            try await eventually("the next five applied after the cancel") { await fixture.effects() == 10 }
        }
        #expect(await fixture.distinctEffects() == 10)
        await fixture.cleanUp()
    }
}

/// The inbox does not grow forever.
@Suite(.serialized, .enabled(if: TestServers.available, "needs the private database of scripts/test.sh"))
struct InboxCleanupTests {
    @Test func recordsPastTheRetentionAreDeletedInBatchesAndRecentOnesKept() async throws {
        let (schema, pool) = try await TestDatabase.freshSchema("cleanup")
        _ = try await pool.withConnection { connection in
            try connection.query(
                """
                INSERT INTO inbox (message_id, message_type, received_at)
                SELECT 'old-' || n, 'kit.probe.recorded', now() - interval '20 days' FROM generate_series(1, 2500) n
                """
            )
            try connection.query(
                """
                INSERT INTO inbox (message_id, message_type, received_at)
                SELECT 'new-' || n, 'kit.probe.recorded', now() - interval '2 days' FROM generate_series(1, 30) n
                """
            )
        }
        let cleanup = InboxCleanup(pool: pool, retentionDays: 14, batchSize: 1_000, logger: Logger(label: "test.cleanup"))
        #expect(try await cleanup.cleanOnce() == 2500)
        #expect(await TestDatabase.count(pool, "SELECT count(*) FROM inbox") == 30)
        #expect(try await cleanup.cleanOnce() == 0)
        _ = try? await pool.withConnection { try $0.executeSimple("DROP SCHEMA \"\(schema)\" CASCADE") }
    }
}
