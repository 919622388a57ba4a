import Contracts
import Foundation
import Messaging
import ReliableMessaging
import Storage
import TestKit
import Testing

/// Bad input goes to `<queue>.dlq` with the reason in a header; the consumer carries on.
@Suite(.serialized, .enabled(if: TestServers.available, "needs the private broker and database of scripts/test.sh"))
struct DeadLetterTests {
    func raw(_ body: String, _ fixture: Fixture, id: String = UUID().uuidString.lowercased()) -> OutgoingMessage {
        OutgoingMessage(
            exchange: Topology.eventsExchange,
            routingKey: fixture.routingKey,
            body: Data(body.utf8),
            properties: MessageProperties(messageId: id, type: "kit.probe.recorded")
        )
    }

    func envelope(type: String = "kit.probe.recorded", version: String = "1.0", payload: String) -> String {
        """
        {"messageId":"\(UUID().uuidString)","type":"\(type)","version":"\(version)","timestamp":"2026-11-25T10:00:00Z",
         "correlationId":"\(UUID().uuidString)","municipality":"0202","producer":"test","payload":\(payload)}
        """
    }

    @Test func malformedUnknownAndInvalidMessagesAreDeadLetteredWithTheirReason() async throws {
        let fixture = try await Fixture.make("dlq")
        let bad: [(String, String)] = [
            ("not json at all", "malformed message"),
            (envelope(version: "2.0", payload: #"{"sequence":1,"note":"x"}"#), "unsupported schema version 2.0"),
            (envelope(type: "kit.unknown.thing", payload: "{}"), "unknown message type 'kit.unknown.thing'"),
            (envelope(payload: #"{"note":"no sequence"}"#), "missing field 'sequence'"),
            (envelope(payload: #"{"sequence":-5,"note":"x"}"#), "fails validation: sequence: must not be negative"),
        ]
        try await fixture.publisher.publish(bad.map { raw($0.0, fixture) })
        // A good message after the bad ones is still applied: bad input does not stop the consumer.
        try await fixture.publisher.publish(try Probe.message(sequence: 7, routingKey: fixture.routingKey))
        // A newer minor version with an unknown field is accepted (consumers tolerate unknown fields).
        try await fixture.publisher.publish(raw(envelope(version: "1.3", payload: #"{"sequence":8,"note":"x","extra":true}"#), fixture))

        try await fixture.running([fixture.relay, fixture.consumer()]) {
            try await eventually("good messages applied") { await fixture.effects() == 2 }
            try await eventually("five dead letters") { try await fixture.admin.messageCount(fixture.queue.deadLetterQueue) == 5 }
        }
        let dead = try await fixture.admin.drain(fixture.queue.deadLetterQueue, count: 5)
        let reasons = dead.compactMap { $0.properties.headers[Topology.deadLetterReasonHeader]?.stringValue }
        #expect(reasons.count == 5)
        for (body, expected) in bad {
            let match = dead.first { String(decoding: $0.body, as: UTF8.self) == body }
            #expect(match != nil, "original bytes kept for \(expected)")
            let reason = match?.properties.headers[Topology.deadLetterReasonHeader]?.stringValue ?? ""
            #expect(reason.contains(expected), "reason '\(reason)' should mention '\(expected)'")
            #expect(match?.properties.headers[Topology.deadLetterQueueHeader] == .string(fixture.queue.name))
        }
        await fixture.cleanUp()
    }

    @Test func aMessageThatCameTooEarlyIsRetriedLaterNotDeadLettered() async throws {
        let fixture = try await Fixture.make("retry")
        var handlers = MessageHandlers()
        handlers.on(ProbeRecorded.self) { message, header, transaction in
            // Applies only once a row says it may: simulates an answer before its referral exists.
            let ready = try transaction.query("SELECT count(*) FROM probe_effects WHERE sequence = -1").single()
                .decode(Int.self, at: 0)
            guard ready > 0 else { throw HandlerError.retryLater("referral not known yet") }
            try transaction.query("INSERT INTO probe_effects (message_id, sequence) VALUES (\(header.messageId), \(message.sequence))")
        }
        try await fixture.publisher.publish(try Probe.message(sequence: 1, routingKey: fixture.routingKey))
        try await fixture.running([fixture.relay, fixture.consumer(handlers: handlers)]) {
            // Deferred through the retry queue a few times (200 ms each) without being applied.
            try await Task.sleep(for: .milliseconds(700))
            #expect(await fixture.effects() == 0)
            #expect(await TestDatabase.count(fixture.pool, "SELECT count(*) FROM inbox") == 0)
            _ = try await fixture.pool.withConnection {
                try $0.query("INSERT INTO probe_effects (message_id, sequence) VALUES ('gate', -1)")
            }
            try await eventually("applied after the retry delay") { await fixture.effects() == 2 }
        }
        #expect(try await fixture.admin.messageCount(fixture.queue.deadLetterQueue) == 0)
        await fixture.cleanUp()
    }

    @Test func aDeadLetterReplayedAfterTheFixIsApplied() async throws {
        let fixture = try await Fixture.make("replay")
        var handlers = MessageHandlers()
        handlers.on(ProbeRecorded.self) { message, header, transaction in
            let fixed = try transaction.query("SELECT count(*) FROM probe_effects WHERE sequence = -1").single().decode(Int.self, at: 0)
            guard fixed > 0 else { throw HandlerError.rejected("no gate yet") }
            try transaction.query("INSERT INTO probe_effects (message_id, sequence) VALUES (\(header.messageId), \(message.sequence))")
        }
        let message = try Probe.message(sequence: 3, routingKey: fixture.routingKey)
        try await fixture.running([fixture.relay, fixture.consumer(handlers: handlers)]) {
            try await fixture.publisher.publish(message)
            try await eventually("dead-lettered") { try await fixture.admin.messageCount(fixture.queue.deadLetterQueue) == 1 }
            _ = try await fixture.pool.withConnection {
                try $0.query("INSERT INTO probe_effects (message_id, sequence) VALUES ('gate', -1)")
            }
            // A copy without the replay header (a relay duplicate) is a duplicate, not a replay:
            // once a later message is applied, the copy before it was consumed and skipped.
            try await fixture.publisher.publish([message, try Probe.message(sequence: 4, routingKey: fixture.routingKey)])
            try await eventually("later message applied") { await self.applied(fixture, sequence: 4) == 1 }
            #expect(await applied(fixture, sequence: 3) == 0, "a copy without x-wmo-replay must not be applied")
            // Replay: the same message (same id) with a replay id, as scripts/dlq.sh replay does,
            // sent twice (as after a crash before the ack): applied once.
            let dead = try await fixture.admin.drain(fixture.queue.deadLetterQueue, count: 1)
            #expect(dead.count == 1)
            var replayed = message.properties
            replayed.headers[Topology.replayHeader] = .string(UUID().uuidString)
            let replay = OutgoingMessage(exchange: "", routingKey: fixture.queue.name, body: dead[0].body, properties: replayed)
            try await fixture.publisher.publish([replay, replay, message, try Probe.message(sequence: 5, routingKey: fixture.routingKey)])
            try await eventually("applied after replay") { await self.applied(fixture, sequence: 5) == 1 }
            #expect(await applied(fixture, sequence: 3) == 1, "the replay is applied exactly once")
        }
        #expect(try await fixture.admin.messageCount(fixture.queue.deadLetterQueue) == 0)
        await fixture.cleanUp()
    }

    private func applied(_ fixture: Fixture, sequence: Int) async -> Int {
        await TestDatabase.count(fixture.pool, "SELECT count(*) FROM probe_effects WHERE sequence = \(sequence)")
    }
}
