import CitizenPanel
import Foundation
import FrontDesk
import Indication
import Matching
import Messaging
import ReferralIndex
import Testing

/// `compose/broker/definitions.json` (loaded by scripts/broker.sh and the compose broker) and
/// the services' own topology declarations describe the same broker: every shared exchange
/// exists with its type, each service's login may declare, bind and consume exactly its own
/// queues, and the policies reach the queues they are meant for.
@Suite struct BrokerDefinitionsTests {
    /// Each service's login and topology.
    static let services: [(user: String, topology: Topology)] = [
        ("frontdesk", FrontDeskTopology.topology), ("indication", IndicationTopology.topology),
        ("referralindex", ReferralIndexTopology.topology), ("matching", MatchingTopology.topology),
        ("citizenpanel", CitizenPanelTopology.topology),
    ]

    @Test func everySharedExchangeIsDefinedWithItsType() throws {
        let definitions = try Definitions.load()
        for exchange in Topology.standardExchanges {
            #expect(definitions.exchangeTypes[exchange.name] == exchange.type.rawValue, "\(exchange.name)")
        }
        #expect(definitions.queues.contains(Topology.unroutableQueue))
    }

    @Test(arguments: services.map(\.user))
    func aServiceLoginReachesItsOwnQueuesAndNoOtherServices(_ user: String) throws {
        let definitions = try Definitions.load()
        let permission = try #require(definitions.permissions[user], "no permissions for \(user)")
        let topology = try #require(Self.services.first { $0.user == user }?.topology)
        for queue in topology.queues {
            for name in [queue.name, queue.deadLetterQueue, queue.retryQueue] {
                #expect(permission.configure.matches(name), "\(user) may declare \(name)")
                #expect(permission.write.matches(name), "\(user) may bind \(name)")
            }
            #expect(permission.read.matches(queue.name), "\(user) may consume \(queue.name)")
            for binding in queue.bindings { #expect(permission.read.matches(binding.exchange), "\(user) may bind from \(binding.exchange)") }
        }
        for exchange in [Topology.eventsExchange, Topology.deadLetterExchange, "amq.default"] {
            #expect(permission.write.matches(exchange), "\(user) may publish to \(exchange)")
        }
        #expect(!permission.write.matches(Topology.partnerExchange), "\(user) may not speak for organisations")
        for (other, otherTopology) in Self.services where other != user {
            for queue in otherTopology.queues {
                #expect(!permission.configure.matches(queue.name), "\(user) must not declare \(other)'s \(queue.name)")
                #expect(!permission.read.matches(queue.name), "\(user) must not read \(other)'s \(queue.name)")
            }
        }
    }

    /// The desk declares the partners' queues (with their dead-letter target, which RabbitMQ
    /// lets only a login with read permission on the queue do); an organisation's login reads
    /// its own queue only (scripts/organisations.sh, tested in OrganisationAccessTests).
    @Test func theFrontDeskMayDeclarePartnerQueues() throws {
        let permission = try #require(try Definitions.load().permissions["frontdesk"])
        let partner = FrontDeskTopology.partnerQueueName(FrontDeskTopology.organisation(PartnerID("mee"), of: .arnhem))
        for name in [partner, partner + ".dlq", partner + ".retry"] {
            #expect(permission.configure.matches(name) && permission.write.matches(name), "\(name)")
        }
    }

    @Test func policiesReachTheirQueues() throws {
        let definitions = try Definitions.load()
        let limit = try #require(definitions.policies["wmo-delivery-limit"])
        let retry = try #require(definitions.policies["wmo-retry-delay"])
        for queue in Self.services.flatMap(\.topology.queues) {
            #expect(limit.matches(queue.name), "delivery limit on \(queue.name)")
            #expect(!limit.matches(queue.deadLetterQueue), "a dead-letter queue must never drop what it holds")
            #expect(!limit.matches(queue.retryQueue))
            #expect(retry.matches(queue.retryQueue), "retry delay on \(queue.retryQueue)")
        }
        #expect(!limit.matches(Topology.unroutableQueue))
        let unroutable = try #require(definitions.policies["wmo-unroutable"])
        for exchange in [Topology.eventsExchange, Topology.partnerExchange, Topology.deadLetterExchange] {
            #expect(unroutable.matches(exchange), "\(exchange) keeps what no queue takes")
        }
    }
}

/// The parts of the definitions file the tests read.
struct Definitions {
    struct Permission {
        let configure: Pattern
        let write: Pattern
        let read: Pattern
    }

    /// A RabbitMQ (PCRE) pattern, evaluated with NSRegularExpression (same syntax for these).
    struct Pattern {
        let expression: NSRegularExpression
        init(_ text: String) throws { expression = try NSRegularExpression(pattern: text) }
        func matches(_ name: String) -> Bool {
            expression.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)) != nil
        }
    }

    var exchangeTypes: [String: String] = [:]
    var queues: Set<String> = []
    var permissions: [String: Permission] = [:]
    var policies: [String: Pattern] = [:]

    static func load() throws -> Definitions {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let data = try Data(contentsOf: root.appendingPathComponent("compose/broker/definitions.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var result = Definitions()
        for exchange in json["exchanges"] as? [[String: Any]] ?? [] {
            if let name = exchange["name"] as? String { result.exchangeTypes[name] = exchange["type"] as? String }
        }
        result.queues = Set((json["queues"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String })
        for permission in json["permissions"] as? [[String: Any]] ?? [] {
            guard let user = permission["user"] as? String else { continue }
            result.permissions[user] = Permission(
                configure: try Pattern(permission["configure"] as? String ?? "^$"),
                write: try Pattern(permission["write"] as? String ?? "^$"),
                read: try Pattern(permission["read"] as? String ?? "^$")
            )
        }
        for policy in json["policies"] as? [[String: Any]] ?? [] {
            if let name = policy["name"] as? String, let pattern = policy["pattern"] as? String {
                result.policies[name] = try Pattern(pattern)
            }
        }
        return result
    }
}
