import Contracts
public import Foundation
public import ReliableMessaging
import StaffPages
public import Storage
import WorkingDays

/// Matching's use cases (vrijwilligers, mantelzorg, respijtzorg): each runs in one transaction
/// scoped to the account's municipality, logs every access to a volunteer's or carer's data, and
/// writes the events it causes to the outbox in the same transaction. The JSON API, the pages
/// and the message handlers call these; none of them touches storage itself.
public struct MatchingService: Sendable {
    public let pool: ConnectionPool
    public let settings: MatchingSettings
    public let producer: String
    let relay: OutboxRelay?
    let clock: @Sendable () -> Date
    /// The volunteers as ranking needs them, kept in memory (one per service).
    let candidateIndex: CandidateIndex

    public init(
        pool: ConnectionPool,
        settings: MatchingSettings,
        producer: String = "matching",
        relay: OutboxRelay? = nil,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.pool = pool
        self.settings = settings
        self.producer = producer
        self.relay = relay
        self.clock = clock
        candidateIndex = CandidateIndex(validityYears: settings.scorer.certificateValidityYears)
    }

    var today: LocalDate { settings.calendar.day(of: clock()) }

    /// Runs `body` in a transaction and wakes the outbox relay afterwards.
    func transaction<T: Sendable>(_ body: @escaping @Sendable (Transaction) throws -> T) async throws -> T {
        let value = try await pool.withTransaction(body)
        relay?.wake()
        return value
    }

    /// Writes `payload` to the outbox, on `wmo.events` under its type, or under `routingKey`
    /// (a centre's own key, which only the centre's queue binds).
    func emit<M: MessageContract>(
        _ payload: M,
        correlation: UUID,
        municipality: MunicipalityCode,
        causedBy cause: UUID? = nil,
        routingKey: String? = nil,
        in tx: Transaction
    ) throws {
        let envelope = Envelope(payload, correlationId: correlation, causationId: cause, municipality: municipality, producer: producer)
        try Outbox.enqueue(envelope, routingKey: routingKey, in: tx)
    }

    // MARK: Requests

    /// Stores a new request and proposes the best volunteer, if any; a request seen before is
    /// left as it is (`false`).
    @discardableResult
    func receive(_ request: SupportRequest, in tx: Transaction) throws -> Bool {
        guard try RequestRepository.insert(request, in: tx) else { return false }
        var request = request
        _ = try proposeNext(for: &request, in: tx)
        return true
    }

    /// Ranks the eligible volunteers for `request` and proposes the best one: the proposal is
    /// stored with its score parts and a one-time answer link, and a centre's volunteer is
    /// offered to the centre. Returns false (and records why) when nobody fits.
    func proposeNext(for request: inout SupportRequest, in tx: Transaction) throws -> Bool {
        let today = self.today
        let asked = try ProposalRepository.askedBefore(request.id, in: tx)
        // The index in memory shortlists by the scorer's rules; the scorer ranks the shortlist as
        // the database has it now. Only when nobody is eligible are all volunteers with the task
        // read, to say why.
        try VolunteerChanges.refresh(candidateIndex, in: tx)
        let shortlist = candidateIndex.shortlist(for: request, on: today, declined: asked, limit: Self.shortlistSize)
        var candidates = try VolunteerRepository.candidates(shortlist, in: request.municipality, tx: tx)
        var ranking = settings.scorer.rank(request, candidates: candidates, on: today, declined: asked, limit: 1)
        if ranking.ranked.isEmpty {
            candidates = try VolunteerRepository.candidates(for: request.task, in: request.municipality, tx: tx)
            ranking = settings.scorer.rank(request, candidates: candidates, on: today, declined: asked, limit: 1)
        }
        guard let best = ranking.ranked.first else {
            try RequestRepository.save(request, lastSearch: ranking.failureReason, in: tx)
            return false
        }
        let now = clock()
        let token = CSRFToken.make()
        let proposal = Proposal(
            requestId: request.id,
            volunteerId: best.volunteerId,
            score: best.score,
            proposedAt: now,
            answerBy: settings.calendar.adding(workingDays: settings.answerWorkingDays, to: today)
        )
        let transaction = try ProposalRepository.insert(proposal, municipality: request.municipality, token: token, in: tx)
        candidateIndex.reserve(best.volunteerId, by: transaction)
        try RequestRepository.save(request, lastSearch: "Voorgesteld: score \(best.score.total) van 100.", in: tx)
        guard let volunteer = candidates.first(where: { $0.volunteer.id == best.volunteerId })?.volunteer else { return true }
        if let centre = volunteer.centre, let reference = volunteer.centreReference {
            try emit(
                ProposalOffered(
                    proposalId: proposal.id,
                    volunteerReference: reference,
                    task: request.task,
                    district: request.place?.district ?? request.district,
                    question: request.question,
                    timeWindows: request.timeWindows.slots,
                    durationWeeks: request.durationWeeks,
                    certificateRequired: request.certificateRequired,
                    score: best.score.offered,
                    answerBy: proposal.answerBy?.description ?? today.description,
                    answerUrl: answerURL(token)
                ),
                correlation: request.requestId,
                municipality: request.municipality,
                routingKey: MatchingTopology.routingKey(ProposalOffered.messageType, for: centre),
                in: tx
            )
        }
        return true
    }

    /// Reads every volunteer into the candidate index (at start, so that the first request does
    /// not wait for it); returns how long it took.
    @discardableResult
    public func loadCandidateIndex() async throws -> Duration {
        let clock = ContinuousClock()
        let start = clock.now
        try await pool.withTransaction { tx in try VolunteerChanges.refresh(candidateIndex, in: tx) }
        return clock.now - start
    }

    /// How many of the best eligible volunteers the index hands the scorer (read fresh: the index
    /// is up to date but for transactions still running, so a few are plenty).
    static let shortlistSize = 3

    /// The volunteer's one-time answer page for `token`.
    func answerURL(_ token: String) -> String { "\(settings.publicBaseURL)/antwoord/\(token)" }

    // MARK: Reading

    /// The open requests of the account's municipality with their proposals, priority first.
    public func openRequests(by account: Coordinator) async throws -> [RequestView] {
        try account.requireCoordinator(to: "see the open requests")
        return try await transaction { tx in
            let open = try RequestRepository.open(municipality: account.municipality, limit: 500, in: tx)
            let sorted = open.sorted { SupportRequest.byPriority($0.0, $1.0) }
            return try sorted.map { request, lastSearch in try view(of: request, lastSearch: lastSearch, in: tx) }
        }
    }

    /// One request with its proposals.
    public func request(_ id: UUID, by account: Coordinator) async throws -> RequestView {
        try account.requireCoordinator(to: "see requests")
        return try await transaction { tx in
            guard let request = try RequestRepository.find(id, municipality: account.municipality, in: tx) else {
                throw MatchingError.requestNotFound
            }
            return try view(of: request, lastSearch: nil, in: tx)
        }
    }

    func view(of request: SupportRequest, lastSearch: String?, in tx: Transaction) throws -> RequestView {
        let proposals = try ProposalRepository.proposals(of: request.id, in: tx).map { proposal in
            ProposalView(proposal, volunteerName: try firstName(of: proposal.volunteerId, in: request.municipality, tx))
        }
        return RequestView(request, lastSearch: lastSearch, proposals: proposals)
    }
}
