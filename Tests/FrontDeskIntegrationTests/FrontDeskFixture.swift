import Contracts
import Foundation
import FrontDesk
import Logging
import Messaging
import ReliableMessaging
import ServiceLifecycle
import Storage
import TestKit
import WorkingDays

/// One test's world: a fresh schema, a private inbound queue, a private partner with its own
/// queue, staff of two municipalities, the service with an injectable clock, the inbox
/// consumer, the outbox relay, and a publisher that plays the partner (and indication, matching).
struct FrontDeskFixture: Sendable {
    let schema: String
    let pool: ConnectionPool
    let inbound: Topology.Queue
    let observed: Topology.Queue
    let partnerID: PartnerID
    let publisher: Publisher
    let relay: OutboxRelay
    let admin: BrokerAdmin
    let url: AMQPURL
    let logger: Logger
    /// The test partner's own broker logins (made on first use).
    let partnerLogins = OrganisationLogins()
    let clock: TestClock
    let service: FrontDeskService
    let arnhemStaff: StaffMember
    let nijmegenStaff: StaffMember
    /// Two coordinators (regisseurs) in Arnhem.
    let coordinators: [StaffMember]

    static let password = "geheim-wachtwoord"
    /// The routing keys of the events the desk emits to other services (observed by tests).
    static let observedKeys = [
        "frontdesk.request.closed", "frontdesk.indication.requested", "frontdesk.matching.requested", "frontdesk.arrangement.insufficient",
    ]

    static func make(_ name: String, at start: Date = TestClock.monday) async throws -> FrontDeskFixture {
        var logger = Logger(label: "test.\(name)")
        logger.logLevel = .warning
        let (schema, pool) = try await TestDatabase.freshSchema("fd_\(name)", migrations: FrontDeskMigrations.all)
        let inbound = FrontDeskTopology.inboundQueue(name: "fd.inbound.\(schema)")
        let observed = Topology.Queue(name: "fd.observed.\(schema)", bindings: observedKeys.map { .init(routingKey: $0) })
        let partnerID = PartnerID("sw-\(schema.replacingOccurrences(of: "_", with: "-"))")
        let admin = try BrokerAdmin()
        let partnerQueues = [MunicipalityCode.arnhem, .nijmegen].map {
            FrontDeskTopology.partnerQueue(FrontDeskTopology.organisation(partnerID, of: $0))
        }
        try await admin.declare(Topology.standard(queues: [inbound, observed] + partnerQueues))
        let url = try AMQPURL(parsing: TestServers.amqpURL)
        let publisher = Publisher(url: url, name: "fd-test-\(name)", logger: logger)
        let relay = OutboxRelay(pool: pool, publisher: publisher, producer: "front-desk", logger: logger, idleInterval: .milliseconds(50))
        let clock = TestClock(start)
        let service = FrontDeskService(pool: pool, relay: relay, clock: { clock.now })
        let arnhem = StaffMember(id: StaffID("anna.\(schema)"), municipality: .arnhem, displayName: "Anna", role: .consultant, team: "noord")
        let nijmegen = StaffMember(id: StaffID("noor.\(schema)"), municipality: .nijmegen, displayName: "Noor", role: .consultant, team: "oost")
        let coordinators = ["bram", "carla"].map { name in
            StaffMember(id: StaffID("\(name).\(schema)"), municipality: .arnhem, displayName: name, role: .coordinator, team: "noord")
        }
        let hash = await StaffAuthenticator.hash(password, cost: 4)
        try await pool.withTransaction { tx in
            try StaffRepository.insert(arnhem, passwordHash: hash, in: tx)
            try StaffRepository.insert(nijmegen, passwordHash: hash, in: tx)
            for coordinator in coordinators { try StaffRepository.insert(coordinator, passwordHash: hash, in: tx) }
            for code in [MunicipalityCode.arnhem, .nijmegen] {
                try PartnerRepository.insert(
                    Partner(
                        id: partnerID,
                        name: "Sociaal werk (test)",
                        municipality: code,
                        categories: [.socialNetwork, .mentalHealth, .finances],
                        offer: "test",
                        queueName: FrontDeskTopology.partnerQueueName(FrontDeskTopology.organisation(partnerID, of: code))
                    ),
                    in: tx
                )
            }
        }
        return FrontDeskFixture(
            schema: schema,
            pool: pool,
            inbound: inbound,
            observed: observed,
            partnerID: partnerID,
            publisher: publisher,
            relay: relay,
            admin: admin,
            url: url,
            logger: logger,
            clock: clock,
            service: service,
            arnhemStaff: arnhem,
            nijmegenStaff: nijmegen,
            coordinators: coordinators
        )
    }

    /// The desk's consumer of the private inbound queue.
    func consumer() -> InboxConsumer {
        InboxConsumer(
            url: url,
            queue: inbound,
            topology: Topology.standard(queues: [inbound]),
            pool: pool,
            handlers: FrontDeskHandlers.make(clock: { [clock] in clock.now }),
            relay: relay,
            logger: logger,
            prefetch: 50,
            batchSize: 20
        )
    }

    /// Runs `body` with the relay and the consumer running, then shuts them down and cleans up,
    /// also when `body` throws. A relay or consumer that fails is reported as the test's error
    /// (it would otherwise show only as a timeout of what it should have done).
    func run(consuming: Bool = true, _ body: () async throws -> Void) async throws {
        let services: [any Service] = consuming ? [relay, consumer()] : [relay]
        let outcome = await ServicesUnderTest.run(services, logger: logger, body)
        await cleanUp()
        if let serviceFailure = outcome.serviceFailure {
            throw FixtureError.serviceFailed("\(serviceFailure)", during: outcome.failure.map { "\($0)" })
        }
        if let failure = outcome.failure { throw failure }
    }

    func cleanUp() async {
        await partnerLogins.removeAll()
        for code in [MunicipalityCode.arnhem, .nijmegen] {
            try? await admin.delete(FrontDeskTopology.partnerQueue(partnerKey(code)))
        }
        for queue in [inbound, observed] { try? await admin.delete(queue) }
        await publisher.close()
        _ = try? await pool.withConnection { try $0.executeSimple("DROP SCHEMA IF EXISTS \"\(schema)\" CASCADE") }
    }

    // MARK: Arranging

    /// Registers a person in `staff`'s municipality.
    func registerPerson(bsn: String = "123456782", by staff: StaffMember? = nil) async throws -> Person {
        try await service.registerPerson(
            PersonInput(
                bsn: bsn,
                givenNames: "Jan Pieter",
                familyNamePrefix: "van der",
                familyName: "Berg",
                birthDate: "31-03-1948",
                street: "Rijnkade",
                houseNumber: 12,
                houseNumberAddition: "A",
                postcode: "6811 AB",
                city: "Arnhem",
                district: "Centrum",
                phone: "026 123 45 67",
                email: "jan@example.nl",
                preferredChannel: .email,
                language: "nl",
                needsInterpreter: false,
                representativeName: "Marieke de Vries",
                representativeContact: "06-12345678"
            ),
            by: staff ?? arnhemStaff
        )
    }

    /// A registered person's clarified request, passed on to the test partner with consent to
    /// share the phone number.
    func passedOnRequest(bsn: String = "123456782") async throws -> (request: HelpRequest, result: PassOnResult) {
        let request = try await clarifiedRequest(for: try await registerPerson(bsn: bsn))
        let result = try await service.passOn(
            request.id,
            PassOnInput(partnerId: partnerID.rawValue, consentItems: [.phone]),
            by: arnhemStaff
        )
        return (request, result)
    }

    /// A clarified request of `person`.
    func clarifiedRequest(
        for person: Person,
        kind: RequestKind = .notification,
        by staff: StaffMember? = nil
    )
        async throws -> HelpRequest
    {
        let staff = staff ?? arnhemStaff
        let request = try await service.receiveRequest(
            RequestInput(
                personId: person.id,
                kind: kind,
                channel: .counter,
                source: .citizen,
                text: "Ik red het niet meer alleen thuis en voel me eenzaam.",
                team: "noord"
            ),
            by: staff
        )
        return try await service.clarify(
            request.id,
            ClarifyInput(question: "Meneer zoekt contact met anderen in de wijk.", categories: [.socialNetwork, .basicADL]),
            by: staff
        )
    }

    // MARK: Playing the other side

    /// Publishes `payload` as the partner (or another service) would, with confirms.
    @discardableResult
    func publish<M: MessageContract>(
        _ payload: M,
        correlationId: UUID,
        municipality: MunicipalityCode = .arnhem,
        producer: String = "partner-test",
        timestamp: Date = Date()
    ) async throws -> UUID {
        let envelope = Envelope(
            payload,
            correlationId: correlationId,
            municipality: municipality,
            producer: producer,
            timestamp: timestamp
        )
        // A partner's answer travels as the partner does: its own login, through wmo.partners,
        // under its own routing key. Service events go to wmo.events.
        let isAnswer = M.messageType.hasPrefix("partner.")
        let sender = isAnswer ? try await partnerPublisher(municipality) : publisher
        try await sender.publish(
            OutgoingMessage(
                exchange: isAnswer ? Topology.partnerExchange : Topology.eventsExchange,
                routingKey: isAnswer ? partnerRoutingKey(M.messageType, municipality) : M.messageType,
                body: try ContractJSON.encoder().encode(envelope),
                properties: MessageProperties(
                    messageId: envelope.header.messageId.uuidString.lowercased(),
                    type: M.messageType,
                    correlationId: correlationId.uuidString.lowercased(),
                    timestamp: Date(),
                    appId: producer
                )
            )
        )
        return envelope.header.messageId
    }

    /// `partner.referral.accepted` as the partner of `municipality` publishes it:
    /// `partner.<organisation>.referral.accepted`.
    func partnerRoutingKey(_ type: String, _ municipality: MunicipalityCode = .arnhem) -> String {
        "partner.\(partnerKey(municipality)).\(type.dropFirst("partner.".count))"
    }

    /// A publisher logged in as the test partner of `municipality` (its broker login is made
    /// the way operators make one, scripts/organisations.sh, once per fixture).
    func partnerPublisher(_ municipality: MunicipalityCode = .arnhem) async throws -> Publisher {
        try await partnerLogins.publisher(for: partnerKey(municipality), logger: logger)
    }

    /// Publishes raw bytes to the desk's routing key `routingKey` (a partner's key is sent as
    /// the partner, through wmo.partners).
    func publishRaw(_ body: String, routingKey: String, messageId: String = UUID().uuidString.lowercased()) async throws {
        let isAnswer = routingKey.hasPrefix("partner.")
        try await (isAnswer ? try await partnerPublisher() : publisher).publish(
            OutgoingMessage(
                exchange: isAnswer ? Topology.partnerExchange : Topology.eventsExchange,
                routingKey: isAnswer ? partnerRoutingKey(routingKey) : routingKey,
                body: Data(body.utf8),
                properties: MessageProperties(messageId: messageId, type: routingKey)
            )
        )
    }

    /// The test partner's broker name in `municipality` (the same id is listed in both).
    func partnerKey(_ municipality: MunicipalityCode = .arnhem) -> OrganisationKey {
        FrontDeskTopology.organisation(partnerID, of: municipality)
    }

    /// Reads `count` messages from the partner's queue in `municipality`.
    func partnerMessages(
        _ count: Int,
        of municipality: MunicipalityCode = .arnhem,
        timeout: TimeInterval = 15
    ) async throws
        -> [Delivery]
    {
        try await admin.drain(FrontDeskTopology.partnerQueueName(partnerKey(municipality)), count: count, timeout: timeout)
    }

    /// Reads `count` observed events about `requestID` (other tests' events are skipped).
    func observedEvents(_ count: Int, about requestID: UUID, timeout: TimeInterval = 15) async throws -> [Delivery] {
        let id = requestID.uuidString.lowercased()
        let all = try await admin.drain(observed.name, count: count, timeout: timeout)
        return all.filter { $0.properties.correlationId == id }
    }

    /// The stored referral.
    func referral(_ id: UUID) async throws -> Referral? {
        try await pool.withTransaction { tx in try ReferralRepository.find(id: id, in: tx)?.referral }
    }

    /// How many of `ids` the desk's inbox recorded with `outcome` (`applied` or `dead-lettered`);
    /// other tests' messages on the shared broker do not count.
    func inbox(_ ids: [UUID], outcome: String = "applied") async -> Int {
        let list = ids.map { "'\($0.uuidString.lowercased())'" }.joined(separator: ",")
        return await count("SELECT count(*) FROM inbox WHERE outcome = '\(outcome)' AND message_id IN (\(list))")
    }

    /// A count query on the test schema.
    func count(_ sql: String) async -> Int { await TestDatabase.count(pool, sql) }
}

extension TestClock {
    /// Monday 2 March 2026, 10:00 in Amsterdam.
    static let monday = at(2026, 3, 2)
}

/// A failure of the fixture itself, not of the code under test.
enum FixtureError: Error, CustomStringConvertible {
    /// The relay or the consumer stopped with an error while the test ran.
    case serviceFailed(String, during: String?)

    var description: String {
        switch self {
        case .serviceFailed(let error, let during):
            "a service of the fixture failed: \(error)" + (during.map { " (the test then failed with: \($0))" } ?? "")
        }
    }
}
