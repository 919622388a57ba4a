import Contracts
public import Foundation
public import ReliableMessaging
public import Storage
import WorkingDays

/// The referral index's use cases (verwijsindex): each runs in one transaction, writes its
/// audit entries and the notifications it causes (outbox) in that transaction, and is scoped
/// to the caller's municipality and organisation. The JSON API, the pages and the broker
/// handlers call these; none touches storage itself.
public struct ReferralIndexService: Sendable {
    public let pool: ConnectionPool
    public let settings: ReferralIndexSettings
    public let producer: String
    let relay: OutboxRelay?
    let clock: @Sendable () -> Date

    public init(
        pool: ConnectionPool,
        settings: ReferralIndexSettings,
        producer: String = "referral-index",
        relay: OutboxRelay? = nil,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.pool = pool
        self.settings = settings
        self.producer = producer
        self.relay = relay
        self.clock = clock
    }

    var today: LocalDate { settings.calendar.day(of: clock()) }

    /// Runs `body` in a transaction and wakes the outbox relay afterwards.
    func transaction<T: Sendable>(_ body: @escaping @Sendable (Transaction) throws -> T) async throws -> T {
        let value = try await pool.withTransaction(body)
        relay?.wake()
        return value
    }

    /// Runs `body`; a refusal is audited in a transaction of its own (the refused one rolls back,
    /// so nothing of it is stored) and thrown on.
    func audited<T: Sendable>(
        _ actor: Professional,
        _ body: @escaping @Sendable (Transaction) throws -> T
    ) async throws -> T {
        do {
            return try await transaction(body)
        } catch let error as ReferralIndexError {
            let now = clock()
            try await pool.withTransaction { tx in
                try AuditLog.record(
                    .refused,
                    municipality: actor.municipality,
                    actor: actor.username,
                    organisation: actor.organisation,
                    detail: Self.code(of: error),
                    at: now,
                    in: tx
                )
            }
            throw error
        }
    }

    /// A short code of the refusal for the audit (no input in it).
    static func code(of error: ReferralIndexError) -> String {
        error.code
    }

    // MARK: Reading

    /// The signals of the caller's organisation (a professional's own), newest first.
    public func signals(of actor: Professional) async throws -> [SignalView] {
        let organisation = try actor.signallingOrganisation()
        let now = clock()
        return try await transaction { tx in
            let signals = try SignalRepository.list(
                of: organisation,
                email: actor.role == .professional ? actor.contact?.email : nil,
                limit: 500,
                in: tx
            )
            try AuditLog.record(
                .lookedUp,
                municipality: actor.municipality,
                actor: actor.username,
                organisation: organisation,
                detail: "own signals (\(signals.count))",
                at: now,
                in: tx
            )
            return signals.map(SignalView.init)
        }
    }

    /// The matches on the caller's signals; for the municipality's coordinator, all active ones.
    public func matches(of actor: Professional) async throws -> [MatchView] {
        let now = clock()
        let settings = self.settings
        return try await transaction { tx in
            let matches: [Match]
            if actor.role == .coordinator {
                matches = try MatchRepository.active(in: actor.municipality, limit: 500, in: tx)
            } else {
                let organisation = try actor.signallingOrganisation()
                let own = try SignalRepository.list(
                    of: organisation,
                    email: actor.role == .professional ? actor.contact?.email : nil,
                    limit: 500,
                    in: tx
                )
                matches = try MatchRepository.holding(own.filter(\.isActive).map(\.id), in: tx)
            }
            let views = try Self.views(of: matches, settings: settings, now: now, in: tx)
            for match in matches {
                try AuditLog.record(
                    .lookedUp,
                    municipality: match.municipality,
                    actor: actor.username,
                    organisation: actor.organisation,
                    match: match.id,
                    at: now,
                    in: tx
                )
            }
            return views
        }
    }

    /// One match the caller may see.
    public func match(_ id: UUID, by actor: Professional) async throws -> MatchView {
        let now = clock()
        let settings = self.settings
        return try await transaction { tx in
            let match = try Self.visibleMatch(id, to: actor, in: tx)
            try AuditLog.record(
                .lookedUp,
                municipality: match.municipality,
                actor: actor.username,
                organisation: actor.organisation,
                match: match.id,
                at: now,
                in: tx
            )
            return try Self.views(of: [match], settings: settings, now: now, in: tx)[0]
        }
    }

    /// The coordinator's work list: active matches where the central contact or the coordination
    /// was not recorded within the configured time.
    public func workList(by actor: Professional) async throws -> [MatchView] {
        try actor.require(.coordinator, to: "see the matches work list")
        let now = clock()
        let settings = self.settings
        return try await transaction { tx in
            let matches = try MatchRepository.active(in: actor.municipality, limit: 1000, in: tx)
                .filter { $0.needsAttention(now: now, after: settings.attentionAfter) }
            try AuditLog.record(
                .lookedUp,
                municipality: actor.municipality,
                actor: actor.username,
                detail: "work list (\(matches.count))",
                at: now,
                in: tx
            )
            return try Self.views(of: matches, settings: settings, now: now, in: tx)
        }
    }

    /// The match `id` when the caller has an active signal on it or coordinates it (or is the
    /// municipality's coordinator); otherwise not found.
    static func visibleMatch(_ id: UUID, to actor: Professional, forUpdate: Bool = false, in tx: Transaction) throws -> Match {
        guard let match = try MatchRepository.find(id, municipality: actor.municipality, forUpdate: forUpdate, in: tx) else {
            throw ReferralIndexError.matchNotFound
        }
        if actor.role == .coordinator { return match }
        let organisation = try actor.signallingOrganisation()
        // The coordinating organisation's own system follows its matches; its professionals,
        // like everyone else's, see a match only through an active signal of their own.
        if actor.role == .system, match.coordinator == organisation { return match }
        let signals = try SignalRepository.signals(try MatchRepository.signalIDs(of: [id], in: tx)[id] ?? [], in: tx)
        let mine = signals.filter {
            $0.isActive && $0.organisation == organisation && (actor.role != .professional || $0.professional.email == actor.contact?.email)
        }
        guard !mine.isEmpty else { throw ReferralIndexError.matchNotFound }
        return match
    }

    /// The views of `matches`, with the active professionals on each.
    static func views(of matches: [Match], settings: ReferralIndexSettings, now: Date, in tx: Transaction) throws -> [MatchView] {
        guard !matches.isEmpty else { return [] }
        let ids = try MatchRepository.signalIDs(of: matches.map(\.id), in: tx)
        let signals = Dictionary(
            try SignalRepository.signals(Array(Set(ids.values.joined())), in: tx).map { ($0.id, $0) },
            uniquingKeysWith: { first, _ in first }
        )
        var organisations = Set(signals.values.map(\.organisation))
        organisations.formUnion(matches.map(\.coordinator))
        let names = try OrganisationRepository.names(Array(organisations), in: tx)
        let remote = try FederationRepository.remote(on: matches.map(\.id), in: tx)
        return matches.map { match in
            let active = (ids[match.id] ?? []).compactMap { signals[$0] }.filter(\.isActive)
            return MatchView(
                id: match.id,
                kind: match.kind.rawValue,
                status: match.status.rawValue,
                coordinator: match.coordinator.description,
                coordinatorName: names[match.coordinator] ?? match.coordinator.description,
                createdAt: match.createdAt,
                extendedAt: match.extendedAt,
                youngPeople: Set(active.map(\.subjectKey)).count,
                centralContactSignalId: match.centralContact,
                centralContactRecordedAt: match.centralContactRecordedAt,
                coordinatedAt: match.coordinatedAt,
                coordinatedBy: match.coordinatedBy,
                needsAttention: match.needsAttention(now: now, after: settings.attentionAfter),
                participants: active.map { participant($0, names: names) } + (remote[match.id] ?? [])
            )
        }
    }

    static func participant(_ signal: Signal, names: [OrganisationKey: String]) -> MatchNotified.Participant {
        MatchNotified.Participant(
            signalId: signal.id,
            organisation: signal.organisation.description,
            organisationName: names[signal.organisation] ?? signal.organisation.description,
            name: signal.professional.name,
            phone: signal.professional.phone,
            email: signal.professional.email
        )
    }
}
