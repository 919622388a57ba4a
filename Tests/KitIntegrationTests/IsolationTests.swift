import Contracts
import Foundation
import Messaging
import ReliableMessaging
import Storage
import TestKit
import Testing

/// A batch that fails outside any handler, for a reason retrying does not cure, is retried a
/// bounded number of times, then split: the innocent messages are applied and the one that
/// fails on its own is dead-lettered with the database's error.
@Suite(.serialized, .enabled(if: TestServers.available, "needs the private broker and database of scripts/test.sh"))
struct IsolationTests {
    @Test func aBatchThatKeepsFailingIsSplitAndTheCulpritDeadLettered() async throws {
        let fixture = try await Fixture.make("isolate")
        let poison = UUID()
        // A constraint the inbox insert breaks for one message id (a stand-in for any bug
        // outside a handler): SQLSTATE 23514, not transient.
        _ = try await fixture.pool.withConnection { connection in
            try connection.executeSimple(
                """
                CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.message_id = '\(poison.uuidString.lowercased())' AND NEW.outcome = 'applied' THEN
                        RAISE EXCEPTION 'planted failure' USING ERRCODE = 'check_violation';
                    END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER refuse_poison BEFORE INSERT OR UPDATE ON inbox FOR EACH ROW EXECUTE FUNCTION refuse_poison();
                """
            )
        }
        var messages = try (0..<5).map { try Probe.message(sequence: $0, routingKey: fixture.routingKey) }
        messages.insert(try Probe.message(sequence: 99, routingKey: fixture.routingKey, messageId: poison), at: 2)
        try await fixture.publisher.publish(messages)
        try await fixture.running([fixture.relay, fixture.consumer()]) {
            try await eventually("innocent messages applied") { await fixture.effects() == 5 }
            try await eventually("the culprit dead-lettered") {
                try await fixture.admin.messageCount(fixture.queue.deadLetterQueue) == 1
            }
        }
        let dead = try await fixture.admin.drain(fixture.queue.deadLetterQueue, count: 1)
        let reason = try #require(dead.first?.properties.headers[Topology.deadLetterReasonHeader]?.stringValue)
        #expect(dead.first?.properties.messageId == poison.uuidString.lowercased())
        #expect(reason.contains("could not be applied") && reason.contains("23514"), "reason: \(reason)")
        #expect(await TestDatabase.count(fixture.pool, "SELECT count(*) FROM probe_effects WHERE sequence = 99") == 0)
        await fixture.cleanUp()
    }

    /// A handler's queued write (`executeLater`) that fails is its message's refusal, even when
    /// that handler ran last in its batch and the write would only have gone with COMMIT: the
    /// message is dead-lettered at once as rejected, the others applied.
    @Test func aQueuedWriteThatFailsDeadLettersItsOwnMessageAtOnce() async throws {
        let fixture = try await Fixture.make("queued")
        _ = try await fixture.pool.withConnection { connection in
            try connection.executeSimple(
                """
                CREATE FUNCTION refuse_ninety_nine() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.sequence = 99 THEN RAISE EXCEPTION 'planted refusal' USING ERRCODE = 'check_violation'; END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER refuse_ninety_nine BEFORE INSERT ON probe_effects FOR EACH ROW EXECUTE FUNCTION refuse_ninety_nine();
                """
            )
        }
        var messages = try (0..<4).map { try Probe.message(sequence: $0, routingKey: fixture.routingKey) }
        let culprit = UUID()
        messages.append(try Probe.message(sequence: 99, routingKey: fixture.routingKey, messageId: culprit))
        try await fixture.publisher.publish(messages)
        try await fixture.running([fixture.relay, fixture.consumer()]) {
            try await eventually("the others applied") { await fixture.effects() == 4 }
            try await eventually("the culprit dead-lettered") {
                try await fixture.admin.messageCount(fixture.queue.deadLetterQueue) == 1
            }
        }
        let dead = try await fixture.admin.drain(fixture.queue.deadLetterQueue, count: 1)
        let reason = try #require(dead.first?.properties.headers[Topology.deadLetterReasonHeader]?.stringValue)
        #expect(dead.first?.properties.messageId == culprit.uuidString.lowercased())
        #expect(reason.hasPrefix("rejected") && reason.contains("planted refusal"), "reason: \(reason)")
        await fixture.cleanUp()
    }
}
