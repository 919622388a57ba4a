import Contracts
import Foundation
import Indication
import Logging
import Messaging
import ReliableMessaging
import ServiceHTTP
import ServiceLifecycle
import Storage
import TestKit
import WorkingDays

/// One test's world: a fresh indication schema, a private inbound queue, an observer queue on
/// indication's events, an assessor organisation with its own broker login and queue, assessors
/// of two municipalities, the service with a clock the test moves, the consumer and the relay.
struct IndicationFixture: Sendable {
    let schema: String
    let pool: ConnectionPool
    let inbound: Topology.Queue
    let observed: Topology.Queue
    let publisher: Publisher
    let relay: OutboxRelay
    let admin: BrokerAdmin
    let url: AMQPURL
    let logger: Logger
    let clock: TestClock
    let service: IndicationService
    let arnhem: Assessor
    /// A member of Arnhem's expertise team.
    let expertise: Assessor
    let nijmegen: Assessor
    /// The independent assessor organisation of Arnhem (kind `assessor`).
    let adviser: OrganisationKey
    /// A provider contracted in Arnhem for household help (kind `provider`).
    let provider: OrganisationKey
    let logins = OrganisationLogins()

    static let password = "geheim-wachtwoord"
    static let observedKeys = [
        "indication.decided", "indication.informal-support.requested", "indication.budget.overrun-threatened", "indication.care.stopped",
    ]

    static func make(
        _ name: String,
        at start: Date = TestClock.december,
        budget: SocialDomainBudget = SocialDomainBudget()
    ) async throws -> IndicationFixture {
        var logger = Logger(label: "test.\(name)")
        logger.logLevel = .warning
        let (schema, pool) = try await TestDatabase.freshSchema("ind_\(name)", migrations: IndicationMigrations.all)
        let suffix = schema.replacingOccurrences(of: "_", with: "-")
        let adviser = OrganisationKey(municipality: .arnhem, id: "adv-\(suffix.suffix(12))")
        let provider = OrganisationKey(municipality: .arnhem, id: "zorg-\(suffix.suffix(12))")
        let inbound = IndicationTopology.inboundQueue(name: "ind.inbound.\(schema)")
        let observed = Topology.Queue(name: "ind.observed.\(schema)", bindings: observedKeys.map { .init(routingKey: $0) })
        let admin = try BrokerAdmin()
        try await admin.declare(Topology.standard(queues: [inbound, observed]))
        let url = try AMQPURL(parsing: TestServers.amqpURL)
        let publisher = Publisher(url: url, name: "ind-test-\(name)", logger: logger)
        let relay = OutboxRelay(pool: pool, publisher: publisher, producer: "indication", logger: logger, idleInterval: .milliseconds(50))
        let clock = TestClock(start)
        let service = IndicationService(
            pool: pool,
            settings: IndicationSettings(
                rules: RoutingRules(assessors: [.arnhem: adviser], incomeTestCategories: [.householdHelp]),
                contracts: ProviderContracts([provider: [.householdHelp: 3250, .personalCare: 5500]]),
                catalogue: try ClientProfileCatalogue.bundled(),
                budget: budget
            ),
            relay: relay,
            clock: { clock.now }
        )
        let arnhem = Assessor(id: AssessorID("iris.\(schema)"), municipality: .arnhem, displayName: "Iris Bakker")
        let nijmegen = Assessor(id: AssessorID("ruben.\(schema)"), municipality: .nijmegen, displayName: "Ruben Smit")
        let expertise = Assessor(id: AssessorID("eva.\(schema)"), municipality: .arnhem, displayName: "Eva Jansen", isExpertiseTeam: true)
        let hash = await PasswordAuthenticator<Assessor>.hash(password, cost: 4)
        try await pool.withTransaction { tx in
            try AssessorRepository.insert(arnhem, passwordHash: hash, in: tx)
            try AssessorRepository.insert(nijmegen, passwordHash: hash, in: tx)
            try AssessorRepository.insert(expertise, passwordHash: hash, in: tx)
        }
        return IndicationFixture(
            schema: schema,
            pool: pool,
            inbound: inbound,
            observed: observed,
            publisher: publisher,
            relay: relay,
            admin: admin,
            url: url,
            logger: logger,
            clock: clock,
            service: service,
            arnhem: arnhem,
            expertise: expertise,
            nijmegen: nijmegen,
            adviser: adviser,
            provider: provider
        )
    }

    func consumer() -> InboxConsumer {
        InboxConsumer(
            url: url,
            queue: inbound,
            topology: Topology.standard(queues: [inbound]),
            pool: pool,
            handlers: IndicationHandlers.make(service: service),
            relay: relay,
            logger: logger,
            prefetch: 50,
            batchSize: 20
        )
    }

    /// Runs `body` with the relay and the consumer, then shuts them down and cleans up.
    func run(_ body: () async throws -> Void) async throws {
        let services: [any Service] = [relay, consumer()]
        let outcome = await ServicesUnderTest.run(services, logger: logger, body)
        await logins.removeAll()
        for queue in [inbound, observed] { try? await admin.delete(queue) }
        try? await admin.delete(Topology.Queue(name: "assessor.\(adviser)", bindings: []))
        try? await admin.delete(Topology.Queue(name: "provider.\(provider)", bindings: []))
        await publisher.close()
        _ = try? await pool.withConnection { try $0.executeSimple("DROP SCHEMA IF EXISTS \"\(schema)\" CASCADE") }
        if let serviceFailure = outcome.serviceFailure { throw FixtureFailure(description: "relay or consumer failed: \(serviceFailure)") }
        if let failure = outcome.failure { throw failure }
    }

    // MARK: Playing the desk, matching and the assessor organisation

    /// Publishes `payload` on `wmo.events` as another service would; returns the message id.
    @discardableResult
    func publish<M: MessageContract>(
        _ payload: M,
        correlationId: UUID,
        municipality: MunicipalityCode = .arnhem,
        producer: String = "front-desk",
        messageId: UUID = UUID()
    ) async throws -> UUID {
        let envelope = Envelope(
            payload,
            correlationId: correlationId,
            municipality: municipality,
            producer: producer,
            messageId: messageId,
            timestamp: clock.now
        )
        try await publisher.publish(
            OutgoingMessage(
                exchange: Topology.eventsExchange,
                routingKey: M.messageType,
                body: try ContractJSON.encoder().encode(envelope),
                properties: MessageProperties(messageId: messageId.uuidString.lowercased(), type: M.messageType)
            )
        )
        return messageId
    }

    /// Publishes an advice as `organisation` does: its own login, `wmo.partners`,
    /// `assessor.<organisation>.advice.given`.
    @discardableResult
    func publishAdvice(_ advice: AdviceGiven, as organisation: OrganisationKey) async throws -> UUID {
        try await publish(advice, as: organisation, kind: "assessor", correlationId: advice.caseId)
    }

    /// Publishes `payload` (type `<kind>.<rest>`) as `organisation` of `kind` does: its own
    /// login, `wmo.partners`, routing key `<kind>.<organisation>.<rest>`; `messageId` again is a
    /// redelivery of the same message.
    @discardableResult
    func publish<M: MessageContract>(
        _ payload: M,
        as organisation: OrganisationKey,
        kind: String,
        correlationId: UUID = UUID(),
        messageId: UUID = UUID()
    ) async throws
        -> UUID
    {
        let sender = try await logins.publisher(for: organisation, kind: kind, logger: logger)
        let envelope = Envelope(
            payload,
            correlationId: correlationId,
            municipality: organisation.municipality,
            producer: "\(organisation)",
            messageId: messageId
        )
        let rest = M.messageType.dropFirst(kind.count + 1)
        try await sender.publish(
            OutgoingMessage(
                exchange: Topology.partnerExchange,
                routingKey: "\(kind).\(organisation).\(rest)",
                body: try ContractJSON.encoder().encode(envelope),
                properties: MessageProperties(messageId: envelope.header.messageId.uuidString.lowercased(), type: M.messageType)
            )
        )
        return envelope.header.messageId
    }

    /// Messages on the provider's queue.
    func providerMessages(_ count: Int, timeout: TimeInterval = 15) async throws -> [Delivery] {
        try await admin.drain("provider.\(provider)", count: count, timeout: timeout)
    }

    /// The desk's request for an assessment.
    static func request(_ categories: [LifeDomain] = [.instrumentalADL, .physicalHealth], urgency: Urgency = .normal) -> IndicationRequested {
        IndicationRequested(
            requestId: UUID(),
            subjectRef: SubjectRef(),
            household: HouseholdSummary(adults: 1, children: 0, informalCarers: 1),
            question: "Mevrouw kan het huishouden niet meer zelf doen sinds haar heupoperatie.",
            categories: categories,
            findings: "Dochter doet de boodschappen; schoonmaken lukt niemand.",
            urgency: urgency
        )
    }

    /// Waits until the case of `request` exists and returns it.
    func caseOf(_ request: IndicationRequested, municipality: MunicipalityCode = .arnhem) async throws -> IndicationCase {
        try await eventually("case of request \(request.requestId)") {
            try await pool.withTransaction { tx in try CaseRepository.find(requestID: request.requestId, municipality: municipality, in: tx) }
                != nil
        }
        return try await pool.withTransaction { tx in
            try CaseRepository.find(requestID: request.requestId, municipality: municipality, in: tx)!
        }
    }

    /// Reads `count` observed events of `requestID` (other tests' events are skipped).
    func observedEvents(_ count: Int, about requestID: UUID, timeout: TimeInterval = 15) async throws -> [Delivery] {
        let id = requestID.uuidString.lowercased()
        return try await admin.drain(observed.name, count: count, timeout: timeout).filter { $0.properties.correlationId == id }
    }

    /// Messages on the assessor organisation's queue.
    func adviserMessages(_ count: Int, timeout: TimeInterval = 15) async throws -> [Delivery] {
        try await admin.drain("assessor.\(adviser)", count: count, timeout: timeout)
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
