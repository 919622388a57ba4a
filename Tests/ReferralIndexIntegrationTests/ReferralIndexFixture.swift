import Contracts
import Foundation
import Logging
import Messaging
import ReferralIndex
import ReliableMessaging
import ServiceHTTP
import ServiceLifecycle
import Storage
import TestKit
import WorkingDays

/// One test's world: a fresh referral-index schema, a private inbound queue, three designated
/// organisations of Arnhem and one of Nijmegen, each with its own broker login and queue, the
/// municipality's coordinator organisation, accounts, the service with a clock the test moves,
/// the consumer and the relay.
struct ReferralIndexFixture: Sendable {
    let schema: String
    let pool: ConnectionPool
    let inbound: Topology.Queue
    /// The desk's death notices (a private name).
    let deaths: Topology.Queue
    let publisher: Publisher
    let relay: OutboxRelay
    let admin: BrokerAdmin
    let url: AMQPURL
    let logger: Logger
    let clock: TestClock
    let service: ReferralIndexService
    let jeugdzorg: OrganisationKey
    let school: OrganisationKey
    let politie: OrganisationKey
    let regie: OrganisationKey
    let nijmegen: OrganisationKey
    let logins = OrganisationLogins()

    static let password = "geheim-wachtwoord"
    static let secret = Data("integration-test-secret-0123456789abcdef".utf8)

    static func make(
        _ name: String,
        coordinatorRule: CoordinatorRule = .municipality,
        federation: FederationRole = .standalone,
        municipalities: Set<MunicipalityCode> = [],
        matchesAddresses: Bool = false,
        at start: Date = TestClock.december
    ) async throws
        -> ReferralIndexFixture
    {
        var logger = Logger(label: "test.\(name)")
        logger.logLevel = .warning
        let (schema, pool) = try await TestDatabase.freshSchema("ri_\(name)", migrations: ReferralIndexMigrations.all)
        let suffix = String(schema.replacingOccurrences(of: "_", with: "-").suffix(12))
        func organisation(_ id: String, _ municipality: MunicipalityCode = .arnhem) -> OrganisationKey {
            OrganisationKey(municipality: municipality, id: "\(id)-\(suffix)")
        }
        let jeugdzorg = organisation("jz")
        let school = organisation("school")
        let politie = organisation("politie")
        let regie = organisation("regie")
        let nijmegen = organisation("wijkteam", .nijmegen)
        let inbound = ReferralIndexTopology.queue(for: federation, name: "ri.inbound.\(schema)")
        let deaths = ReferralIndexTopology.deathNotices(name: "ri.deaths.\(schema)")
        let admin = try BrokerAdmin()
        try await admin.declare(Topology.standard(queues: [inbound, deaths]))
        let url = try AMQPURL(parsing: TestServers.amqpURL)
        let publisher = Publisher(url: url, name: "ri-test-\(name)", logger: logger)
        let relay = OutboxRelay(pool: pool, publisher: publisher, producer: "referral-index", logger: logger, idleInterval: .milliseconds(50))
        let clock = TestClock(start)
        let service = ReferralIndexService(
            pool: pool,
            settings: ReferralIndexSettings(
                keyer: SubjectKeyer(secret: secret)!,
                coordinatorRule: coordinatorRule,
                coordinators: [.arnhem: regie],
                federation: federation,
                municipalities: municipalities,
                matchesAddresses: matchesAddresses
            ),
            relay: relay,
            clock: { clock.now }
        )
        try await pool.withTransaction { tx in
            for (key, name) in [
                (jeugdzorg, "Jeugdzorg"), (school, "School"), (politie, "Politie"), (regie, "Gemeente Arnhem regie"), (nijmegen, "Wijkteam Nijmegen"),
            ] {
                try OrganisationRepository.upsert(Organisation(key: key, name: name), in: tx)
            }
        }
        let fixture = ReferralIndexFixture(
            schema: schema,
            pool: pool,
            inbound: inbound,
            deaths: deaths,
            publisher: publisher,
            relay: relay,
            admin: admin,
            url: url,
            logger: logger,
            clock: clock,
            service: service,
            jeugdzorg: jeugdzorg,
            school: school,
            politie: politie,
            regie: regie,
            nijmegen: nijmegen
        )
        // Each organisation's queue with what the index sends it (as `organisations.sh add
        // signaller` binds it); the logins are made when an organisation first publishes.
        try await admin.declare(Topology.standard(queues: fixture.organisations.map(Self.queue)))
        return fixture
    }

    var organisations: [OrganisationKey] { [jeugdzorg, school, politie, regie, nijmegen] }

    /// The queue `signaller.<organisation>` with the bindings of scripts/organisations.sh.
    static func queue(_ organisation: OrganisationKey) -> Topology.Queue {
        Topology.Queue(
            name: "signaller.\(organisation)",
            bindings: [SignalRecorded.messageType, MatchNotified.messageType, MessageRejected.messageType].map {
                .init(routingKey: "\($0).\(organisation)")
            }
        )
    }

    func consumer(of queue: Topology.Queue? = nil) -> InboxConsumer {
        InboxConsumer(
            url: url,
            queue: queue ?? inbound,
            topology: Topology.standard(queues: [queue ?? inbound]),
            pool: pool,
            handlers: ReferralIndexHandlers.make(service: service),
            relay: relay,
            logger: logger,
            prefetch: 50,
            batchSize: 20
        )
    }

    /// Runs `body` with the relay and the consumer, then shuts them down and cleans up.
    func run(_ body: () async throws -> Void) async throws {
        let services: [any Service] = [relay, consumer(), consumer(of: deaths)]
        let outcome = await ServicesUnderTest.run(services, logger: logger, body)
        await logins.removeAll()
        try? await admin.delete(inbound)
        try? await admin.delete(deaths)
        for key in organisations { try? await admin.delete(Self.queue(key)) }
        await publisher.close()
        _ = try? await pool.withConnection { try $0.executeSimple("DROP SCHEMA IF EXISTS \"\(schema)\" CASCADE") }
        if let serviceFailure = outcome.serviceFailure { throw FixtureFailure(description: "relay or consumer failed: \(serviceFailure)") }
        if let failure = outcome.failure { throw failure }
    }

    // MARK: Playing the organisations

    /// A professional of `organisation` (their contact is what colleagues see).
    static func professional(_ name: String, of organisation: OrganisationKey) -> SignalRegistered.Professional {
        SignalRegistered.Professional(
            name: name,
            phone: "026 \(abs(name.hashValue) % 900 + 100) 00 00",
            email: "\(name.lowercased().replacingOccurrences(of: " ", with: "."))@\(organisation.id).example"
        )
    }

    /// A registration of `bsn` by `professional`.
    static func registration(
        _ bsn: String,
        by professional: SignalRegistered.Professional,
        born: String = "2011-05-01",
        parents: [String]? = nil
    ) -> SignalRegistered {
        SignalRegistered(
            bsn: bsn,
            birthDate: born,
            parentBsns: parents,
            professional: professional,
            youngPersonInformed: true,
            parentsInformed: true
        )
    }

    /// Publishes `payload` (type `signaller.<rest>`) as `organisation` does: its own login,
    /// `wmo.partners`, routing key `signaller.<organisation>.<rest>`.
    @discardableResult
    func publish<M: MessageContract>(_ payload: M, as organisation: OrganisationKey) async throws -> UUID {
        let sender = try await logins.publisher(for: organisation, kind: "signaller", logger: logger)
        let envelope = Envelope(payload, correlationId: UUID(), municipality: organisation.municipality, producer: "\(organisation)")
        let rest = M.messageType.dropFirst("signaller.".count)
        try await sender.publish(
            OutgoingMessage(
                exchange: Topology.partnerExchange,
                routingKey: "signaller.\(organisation).\(rest)",
                body: try ContractJSON.encoder().encode(envelope),
                properties: MessageProperties(messageId: envelope.header.messageId.uuidString.lowercased(), type: M.messageType)
            )
        )
        return envelope.header.messageId
    }

    /// Publishes the envelope bytes `body` of `type` as `organisation` does.
    func publishRaw(_ body: Data, type: String, as organisation: OrganisationKey) async throws {
        let sender = try await logins.publisher(for: organisation, kind: "signaller", logger: logger)
        try await sender.publish(
            OutgoingMessage(
                exchange: Topology.partnerExchange,
                routingKey: "signaller.\(organisation).\(type.dropFirst("signaller.".count))",
                body: body,
                properties: MessageProperties(messageId: UUID().uuidString.lowercased(), type: type)
            )
        )
    }

    /// The next `count` messages on `organisation`'s queue.
    func messages(for organisation: OrganisationKey, _ count: Int, timeout: TimeInterval = 15) async throws -> [Delivery] {
        try await admin.drain("signaller.\(organisation)", count: count, timeout: timeout)
    }

    /// The messages of type `M` among `deliveries`, decoded (the others are skipped).
    static func payloads<M: MessageContract>(_ type: M.Type, in deliveries: [Delivery]) throws -> [M] {
        try deliveries.filter { $0.properties.type == M.messageType }.map {
            try ContractJSON.decoder().decode(Envelope<M>.self, from: $0.body).payload
        }
    }

    /// The match notifications among `deliveries`, decoded.
    static func notifications(_ deliveries: [Delivery]) throws -> [MatchNotified] { try payloads(MatchNotified.self, in: deliveries) }

    /// An account of `role` (of `organisation` for professionals and systems).
    func account(
        _ username: String,
        role: Professional.Role,
        organisation: OrganisationKey? = nil,
        municipality: MunicipalityCode = .arnhem
    )
        async throws -> Professional
    {
        let contact = organisation.map { _ in
            ProfessionalContact(name: username.capitalized, phone: "026 111 2222", email: "\(username)@example.nl")
        }
        let account = Professional(
            username: "\(username).\(schema)",
            municipality: municipality,
            organisation: organisation,
            role: role,
            contact: contact
        )
        let hash = await PasswordAuthenticator<Professional>.hash(Self.password, cost: 4)
        try await pool.withTransaction { tx in try ProfessionalRepository.insert(account, passwordHash: hash, in: tx) }
        return account
    }

    func count(_ sql: String) async -> Int { await TestDatabase.count(pool, sql) }
}

extension TestClock {
    /// Monday 7 December 2026, 10:00 in Amsterdam.
    static let december = at(2026, 12, 7)
}

/// A failure of the fixture, not of the code under test.
struct FixtureFailure: Error, CustomStringConvertible {
    let description: String
}
