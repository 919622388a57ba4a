import Contracts
import Foundation
import Messaging
import TestKit
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Real broker traffic that no partner should send: the front desk (the service that consumes
/// partners' messages) stays up and dead-letters each message with its reason.
@Suite(.serialized, .enabled(if: TestServers.available, "needs the private broker and database of scripts/test.sh"))
struct BadInputTests {
    @Test func theFrontDeskSurvivesAndDeadLettersEveryBadMessage() async throws {
        let port = 18090
        let schema = "badinput_\(UInt16.random(in: 0...UInt16.max))"
        let binary = TestServers.repositoryRoot.appendingPathComponent(".build/debug/front-desk").path
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("front-desk-\(schema).log").path
        let admin = try BrokerAdmin()
        let inbound = "frontdesk.inbound"
        let child = try ChildProcess(
            binary,
            [],
            environment: [
                "AMQP_URL": TestServers.amqpURL, "DATABASE_URL": TestServers.databaseURL, "DATABASE_SCHEMA": schema,
                "HTTP_PORT": String(port), "LOG_LEVEL": "warning",
            ],
            logFile: log
        )
        if let directory = ProcessInfo.processInfo.environment["WMO_TEST_PID_DIR"] {
            try? "\(child.pid)".write(toFile: "\(directory)/front-desk-badinput.pid", atomically: true, encoding: .utf8)
        }
        do {
            try await eventually(timeout: .seconds(60), "front desk ready") { try await status("http://127.0.0.1:\(port)/ready") == 200 }
            _ = try await admin.with { try $0.purgeQueue("\(inbound).dlq") }
            // Sent as an organisation would: its own login, through wmo.partners, its own keys.
            let sender = OrganisationKey(municipality: .arnhem, id: "badinput-\(UInt16.random(in: 0...UInt16.max))")
            let logins = OrganisationLogins()
            let cases = try badMessages(from: sender)
            let publisher = try await logins.publisher(for: sender, logger: .init(label: "test"))
            try await publisher.publish(cases.map(\.message))
            await logins.removeAll()
            // The desk also dead-letters what other suites left on its queue: keep this test's own.
            let wanted = Set(cases.compactMap(\.message.properties.messageId))
            var dead: [Delivery] = []
            let deadline = Date().addingTimeInterval(60)
            while !Set(dead.compactMap(\.properties.messageId)).isSuperset(of: wanted), Date() < deadline {
                dead += try await admin.drain("\(inbound).dlq", count: 1000, timeout: 1).filter {
                    wanted.contains($0.properties.messageId ?? "")
                }
            }
            #expect(dead.count == cases.count)
            for item in cases {
                let match = dead.first { $0.properties.messageId == item.message.properties.messageId }
                let reason = match?.properties.headers[Topology.deadLetterReasonHeader]?.stringValue ?? ""
                #expect(reason.hasPrefix(item.reasonPrefix), "\(item.name): reason '\(reason)'")
                #expect(match?.body.count == item.message.body.count, "\(item.name): the original bytes are kept")
            }
            #expect(try await status("http://127.0.0.1:\(port)/health") == 200, "the front desk is still up")
            #expect(try await status("http://127.0.0.1:\(port)/ready") == 200)
        } catch {
            child.signal(SIGKILL)
            await child.wait()
            throw error
        }
        child.signal(SIGTERM)
        #expect(await child.wait() == 0)
    }

    struct BadMessage {
        let name: String
        let message: OutgoingMessage
        let reasonPrefix: String
    }

    private func badMessages(from sender: OrganisationKey) throws -> [BadMessage] {
        func message(_ body: Data, headers: [String: FieldValue] = [:], contentType: String? = "application/json") -> OutgoingMessage {
            var properties = MessageProperties(messageId: UUID().uuidString.lowercased(), type: "partner.referral.accepted", headers: headers)
            properties.contentType = contentType
            return OutgoingMessage(
                exchange: Topology.partnerExchange,
                routingKey: "partner.\(sender).referral.accepted",
                body: body,
                properties: properties
            )
        }
        let everyType: [String: FieldValue] = [
            "text": "tekst", "int": .int(Int64.min), "bool": true, "double": .double(-1e308), "bytes": .bytes([0xff, 0x00, 0xfe]),
            "timestamp": .timestamp(.max), "array": .array([.int(1), .array([.void])]),
            "table": .table(["nested": .table(["deeper": .double(-0.0)])]), "void": .void,
            Topology.retryCountHeader: .string("99999999999999999999999"),
        ]
        let deep = Data((String(repeating: "[", count: 100) + String(repeating: "]", count: 100)).utf8)
        var huge = Data("{\"messageId\":\"".utf8)
        huge.append(Data(repeating: 0x61, count: 16 * 1024 * 1024))
        huge.append(Data("\"}".utf8))
        return [
            BadMessage(name: "empty body", message: message(Data(), contentType: nil), reasonPrefix: "malformed message"),
            BadMessage(name: "0-byte JSON body", message: message(Data()), reasonPrefix: "malformed message"),
            BadMessage(name: "not JSON", message: message(Data([0xff, 0xfe, 0x6e, 0x6f])), reasonPrefix: "malformed message"),
            BadMessage(name: "100 levels deep", message: message(deep), reasonPrefix: "malformed message"),
            BadMessage(name: "every header type", message: message(Data("{}".utf8), headers: everyType), reasonPrefix: "malformed message"),
            BadMessage(name: "16 MiB", message: message(huge), reasonPrefix: "malformed message"),
        ]
    }

    private func status(_ url: String) async throws -> Int {
        let (_, response) = try await URLSession.shared.data(from: URL(string: url)!)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }
}
