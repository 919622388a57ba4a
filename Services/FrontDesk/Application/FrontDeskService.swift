import Contracts
public import Foundation
public import ReliableMessaging
public import Storage
public import WorkingDays

/// The front desk's use cases (Wmo-loket): each one checks the staff member's role, runs in one
/// transaction scoped to the staff member's municipality, writes the access log for every read
/// of a person's data, and writes the events it causes to the outbox in that same transaction.
///
/// The JSON API and the staff pages both call these functions; neither touches storage itself.
public struct FrontDeskService: Sendable {
    /// The database pool (the service's own schema).
    public let pool: ConnectionPool
    /// The producer name on outgoing messages.
    public let producer: String
    /// Wettelijke termijnen.
    public var statutoryDeadlines: StatutoryDeadlines
    /// The warm-referral agreement for partners without their own.
    public var standardSLA: ReferralSLA
    let clock: @Sendable () -> Date
    let relay: OutboxRelay?
    let partnerQueues: PartnerQueues?

    /// - Parameters:
    ///   - relay: woken after a commit that wrote events, so they leave at once.
    ///   - partnerQueues: declares a new partner's queue when one is added.
    ///   - clock: the current time (tests inject a fixed one).
    public init(
        pool: ConnectionPool,
        producer: String = "front-desk",
        relay: OutboxRelay? = nil,
        partnerQueues: PartnerQueues? = nil,
        statutoryDeadlines: StatutoryDeadlines = StatutoryDeadlines(),
        standardSLA: ReferralSLA = .standard,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.pool = pool
        self.producer = producer
        self.relay = relay
        self.partnerQueues = partnerQueues
        self.statutoryDeadlines = statutoryDeadlines
        self.standardSLA = standardSLA
        self.clock = clock
    }

    /// The working-day calendar of deadlines and warm-referral terms.
    public var calendar: WorkingDayCalendar { statutoryDeadlines.calendar }

    /// Runs `body` in a transaction; wakes the outbox relay afterwards when `publishes`.
    func transaction<T: Sendable>(
        publishes: Bool = false,
        _ body: @escaping @Sendable (Transaction) throws -> T
    ) async throws -> T {
        let value = try await pool.withTransaction(body)
        if publishes { relay?.wake() }
        return value
    }

    /// An envelope for an event about `request`.
    func envelope<M: MessageContract>(_ payload: M, about request: HelpRequest) -> Envelope<M> {
        Envelope(payload, correlationId: request.id, municipality: request.municipality, producer: producer)
    }

    /// The request `id` of the staff member's municipality, locked for the transaction.
    func lockedRequest(_ id: UUID, of staff: StaffMember, in tx: Transaction) throws -> HelpRequest {
        guard let request = try RequestRepository.find(id: id, municipality: staff.municipality, forUpdate: true, in: tx)
        else { throw FrontDeskError.requestNotFound }
        return request
    }

    /// The person of `request`.
    func person(of request: HelpRequest, in tx: Transaction) throws -> Person {
        guard let personID = request.personID else { throw FrontDeskError.requestWithoutPerson }
        guard let person = try PersonRepository.find(id: personID, municipality: request.municipality, in: tx) else {
            throw FrontDeskError.personNotFound
        }
        return person
    }

    /// Appends to the access log on behalf of `staff`.
    func log(
        _ action: AccessLog.Action,
        person personID: UUID,
        by staff: StaffMember,
        reason: AccessLog.Reason = .casework,
        reasonText: String? = nil,
        context: String,
        at time: Date,
        in tx: Transaction
    ) throws {
        try AccessLog.record(
            staff: staff.id.rawValue,
            municipality: staff.municipality,
            personID: personID,
            action: action,
            reason: reason,
            reasonText: reasonText.nonBlank.map { String($0.prefix(500)) },
            context: context,
            at: time,
            in: tx
        )
    }
}

/// Every problem with a submitted form or JSON body, each naming its field, so a page can show
/// all of them next to their fields at once.
public struct InputProblems: Error, Sendable, CustomStringConvertible {
    /// The problems, in field order; never empty.
    public let problems: [FrontDeskError]

    /// Wraps `problems` (at least one).
    public init(_ problems: [FrontDeskError]) {
        precondition(!problems.isEmpty)
        self.problems = problems
    }

    /// Throws when `problems` is not empty.
    public static func check(_ problems: [FrontDeskError]) throws(InputProblems) {
        if !problems.isEmpty { throw InputProblems(problems) }
    }

    public var description: String { problems.map(\.description).joined(separator: "; ") }
}
