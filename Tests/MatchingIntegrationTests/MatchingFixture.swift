import Contracts
import Foundation
import Logging
import Matching
import Messaging
import ReliableMessaging
import ServiceLifecycle
import Storage
import TestKit
import WorkingDays

/// One test's world: a fresh matching schema, a private inbound queue, two volunteer centres of
/// Arnhem with their own broker logins and queues, a queue standing in for the desk and
/// indication (the outcome events), a coordinator, and the service with a clock the test moves.
struct MatchingFixture: Sendable {
    let schema: String
    let pool: ConnectionPool
    let inbound: Topology.Queue
    /// Binds what matching publishes on `wmo.events` for the chain (the desk's and indication's view).
    let outcomes: Topology.Queue
    let publisher: Publisher
    let relay: OutboxRelay
    let admin: BrokerAdmin
    let url: AMQPURL
    let logger: Logger
    let clock: TestClock
    let service: MatchingService
    let centre: OrganisationKey
    let otherCentre: OrganisationKey
    let coordinator: Coordinator
    let logins = OrganisationLogins()

    static func make(_ name: String, at start: Date = TestClock.at(2026, 12, 7)) async throws -> MatchingFixture {
        var logger = Logger(label: "test.\(name)")
        logger.logLevel = .warning
        let (schema, pool) = try await TestDatabase.freshSchema("m_\(name)", migrations: MatchingMigrations.all)
        let suffix = String(schema.replacingOccurrences(of: "_", with: "-").suffix(12))
        let centre = OrganisationKey(municipality: .arnhem, id: "vc-\(suffix)")
        let otherCentre = OrganisationKey(municipality: .arnhem, id: "vc2-\(suffix)")
        let inbound = MatchingTopology.inboundQueue(name: "matching.inbound.\(schema)")
        let outcomes = Topology.Queue(
            name: "matching.outcomes.\(schema)",
            bindings: [
                MatchingMatched.messageType, MatchingFailed.messageType, MatchingEnded.messageType, CarerOverburdened.messageType,
                CarerAppreciationListed.messageType,
            ].map { .init(routingKey: $0) }
        )
        let admin = try BrokerAdmin()
        try await admin.declare(Topology.standard(queues: [inbound, outcomes]))
        let url = try AMQPURL(parsing: TestServers.amqpURL)
        let publisher = Publisher(url: url, name: "matching-test-\(name)", logger: logger)
        let relay = OutboxRelay(pool: pool, publisher: publisher, producer: "matching", logger: logger, idleInterval: .milliseconds(50))
        let clock = TestClock(start)
        let service = MatchingService(
            pool: pool,
            settings: MatchingSettings(districts: try DistrictMap.bundled(), publicBaseURL: "https://matching.example"),
            relay: relay,
            clock: { clock.now }
        )
        try await pool.withTransaction { tx in
            try AccountRepository.upsertCentre(centre, name: "Vrijwilligerscentrale Arnhem", in: tx)
            try AccountRepository.upsertCentre(otherCentre, name: "Vrijwilligerspunt Zuid", in: tx)
        }
        let fixture = MatchingFixture(
            schema: schema,
            pool: pool,
            inbound: inbound,
            outcomes: outcomes,
            publisher: publisher,
            relay: relay,
            admin: admin,
            url: url,
            logger: logger,
            clock: clock,
            service: service,
            centre: centre,
            otherCentre: otherCentre,
            coordinator: Coordinator(username: "mila.\(schema)", municipality: .arnhem, displayName: "Mila de Boer")
        )
        try await admin.declare(Topology.standard(queues: [Self.queue(centre), Self.queue(otherCentre)]))
        return fixture
    }

    /// The queue `volunteer-centre.<centre>` with the bindings of scripts/organisations.sh.
    static func queue(_ centre: OrganisationKey) -> Topology.Queue {
        Topology.Queue(
            name: "volunteer-centre.\(centre)",
            bindings: [VolunteerRecorded.messageType, ProposalOffered.messageType, ProposalClosed.messageType, MessageRejected.messageType].map {
                .init(routingKey: "\($0).\(centre)")
            }
        )
    }

    /// Runs `body` with the relay and the consumer, then shuts them down and cleans up.
    func run(_ body: () async throws -> Void) async throws {
        let consumer = InboxConsumer(
            url: url,
            queue: inbound,
            topology: Topology.standard(queues: [inbound]),
            pool: pool,
            handlers: MatchingHandlers.make(service: service),
            relay: relay,
            logger: logger,
            prefetch: 20,
            batchSize: 10
        )
        let outcome = await ServicesUnderTest.run([relay, consumer], logger: logger, body)
        await logins.removeAll()
        for queue in [inbound, outcomes, Self.queue(centre), Self.queue(otherCentre)] { try? await admin.delete(queue) }
        await publisher.close()
        _ = try? await pool.withConnection { try $0.executeSimple("DROP SCHEMA IF EXISTS \"\(schema)\" CASCADE") }
        if let serviceFailure = outcome.serviceFailure { throw FixtureFailure(description: "relay or consumer failed: \(serviceFailure)") }
        if let failure = outcome.failure { throw failure }
    }

    // MARK: Playing the chain and the centres

    /// Publishes `payload` on `wmo.events` as a service of the chain (the desk, indication) does.
    @discardableResult
    func publishEvent<M: MessageContract>(_ payload: M, producer: String) async throws -> UUID {
        let envelope = Envelope(payload, correlationId: UUID(), municipality: .arnhem, producer: producer, timestamp: clock.now)
        try await publisher.publish(
            OutgoingMessage(
                exchange: Topology.eventsExchange,
                routingKey: M.messageType,
                body: try ContractJSON.encoder().encode(envelope),
                properties: MessageProperties(messageId: envelope.header.messageId.uuidString.lowercased(), type: M.messageType)
            )
        )
        return envelope.header.messageId
    }

    /// The desk asks for a visiting volunteer in Klarendal, as `frontdesk.matching.requested`.
    @discardableResult
    func publishDeskRequest(
        _ question: String,
        requestId: UUID = UUID(),
        subjectRef: SubjectRef = SubjectRef(),
        timeWindows: [String]? = nil,
        durationWeeks: Int? = nil
    ) async throws -> UUID {
        try await publishEvent(
            MatchingRequested(
                requestId: requestId,
                subjectRef: subjectRef,
                task: .visiting,
                district: "Klarendal",
                question: question,
                certificateRequired: false,
                urgency: .normal,
                timeWindows: timeWindows,
                durationWeeks: durationWeeks
            ),
            producer: "front-desk"
        )
    }

    /// Publishes `payload` (type `volunteer-centre.<rest>`) as `centre` does: its own login,
    /// `wmo.partners`, routing key `volunteer-centre.<centre>.<rest>`.
    func publish<M: MessageContract>(_ payload: M, as centre: OrganisationKey) async throws {
        let sender = try await logins.publisher(for: centre, kind: "volunteer-centre", logger: logger)
        let envelope = Envelope(payload, correlationId: UUID(), municipality: centre.municipality, producer: "\(centre)")
        let rest = M.messageType.dropFirst("volunteer-centre.".count)
        try await sender.publish(
            OutgoingMessage(
                exchange: Topology.partnerExchange,
                routingKey: "volunteer-centre.\(centre).\(rest)",
                body: try ContractJSON.encoder().encode(envelope),
                properties: MessageProperties(messageId: envelope.header.messageId.uuidString.lowercased(), type: M.messageType)
            )
        )
    }

    /// The next `count` messages on `centre`'s queue.
    func messages(for centre: OrganisationKey, _ count: Int, timeout: TimeInterval = 15) async throws -> [Delivery] {
        try await admin.drain("volunteer-centre.\(centre)", count: count, timeout: timeout)
    }

    /// The next `count` outcome events of the chain.
    func outcomeEvents(_ count: Int, timeout: TimeInterval = 15) async throws -> [Delivery] {
        try await admin.drain(outcomes.name, count: count, timeout: timeout)
    }

    /// The messages of type `M` among `deliveries`, decoded (the others are skipped).
    static func payloads<M: MessageContract>(_ type: M.Type, in deliveries: [Delivery]) throws -> [M] {
        try deliveries.filter { $0.properties.type == M.messageType }.map {
            try ContractJSON.decoder().decode(Envelope<M>.self, from: $0.body).payload
        }
    }

    /// A volunteer of the centre, in Klarendal (6821), visiting on weekday mornings.
    static func volunteer(
        _ reference: String,
        name: String,
        tasks: [VolunteerTask] = [.visiting],
        postcode: String = "6821 AB",
        certificate: VolunteerRegistered.Certificate = .init(status: "none")
    ) -> VolunteerRegistered {
        VolunteerRegistered(
            reference: reference,
            name: name,
            phone: "06 1234 5678",
            email: nil,
            consentedAt: TestClock.at(2026, 11, 30),
            postcode: postcode,
            tasks: tasks,
            availability: ["monday-morning", "wednesday-morning", "friday-afternoon"],
            maxDistanceKm: 10,
            languages: ["nl"],
            certificate: certificate,
            maxMatches: 2
        )
    }

    func count(_ sql: String) async -> Int { await TestDatabase.count(pool, sql) }
}

/// A failure of the fixture, not of the code under test.
struct FixtureFailure: Error, CustomStringConvertible {
    let description: String
}
