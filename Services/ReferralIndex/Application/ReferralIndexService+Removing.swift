public import Contracts
public import Foundation
public import Storage
import WorkingDays

extension ReferralIndexService {
    /// Withdraws `id` (HTTP): by the professional who made it, or by its organisation's system.
    public func withdraw(_ id: UUID, reason: SignalRemoval, by actor: Professional) async throws -> SignalView {
        try await audited(actor) { tx in
            let organisation = try actor.signallingOrganisation()
            guard let signal = try SignalRepository.find(id, municipality: actor.municipality, forUpdate: true, in: tx) else {
                throw ReferralIndexError.signalNotFound
            }
            if actor.role == .professional, signal.organisation == organisation, signal.professional.email != actor.contact?.email {
                throw ReferralIndexError.notYourSignal
            }
            return try self.withdraw(signal, reason: reason, organisation: organisation, actor: actor.username, in: tx)
        }
    }

    /// Withdraws `signal` for `organisation` (the broker's sender, or the account's organisation).
    public func withdraw(
        _ signal: Signal,
        reason: SignalRemoval,
        organisation: OrganisationKey,
        actor: String,
        in tx: Transaction
    ) throws
        -> SignalView
    {
        guard reason.isWithdrawal else { throw ReferralIndexError.invalidParameter("reason") }
        guard signal.organisation == organisation else { throw ReferralIndexError.notYourSignal }
        var signal = signal
        try remove(&signal, reason: reason, actor: actor, in: tx)
        return SignalView(signal)
    }

    /// Withdraws the signal `id` of `organisation`'s municipality (the broker handler).
    func withdraw(_ id: UUID, reason: SignalRemoval, organisation: OrganisationKey, in tx: Transaction) throws -> SignalView {
        guard let signal = try SignalRepository.find(id, municipality: organisation.municipality, forUpdate: true, in: tx) else {
            throw ReferralIndexError.signalNotFound
        }
        return try withdraw(signal, reason: reason, organisation: organisation, actor: organisation.description, in: tx)
    }

    /// Takes a locked signal out of matching, ends the matches that no longer hold, audits both.
    func remove(_ signal: inout Signal, reason: SignalRemoval, actor: String, in tx: Transaction) throws {
        let now = clock()
        try signal.remove(reason, at: now, today: today)
        try SignalRepository.save(signal, in: tx)
        try forward(signal, in: tx)
        try AuditLog.record(
            reason.isWithdrawal ? .withdrawn : .removed,
            municipality: signal.municipality,
            actor: actor,
            organisation: signal.organisation,
            subject: signal.subjectKey,
            signal: signal.id,
            detail: reason.rawValue,
            at: now,
            in: tx
        )
        for match in try MatchRepository.activeLocked(holding: signal.id, in: tx) {
            let ids = try MatchRepository.signalIDs(of: [match.id], in: tx)[match.id] ?? []
            let remaining = try SignalRepository.signals(ids, in: tx).filter { $0.isActive && $0.id != signal.id }
            // A match across regions holds while one of ours and a professional elsewhere remain.
            let remote = try FederationRepository.remote(on: [match.id], in: tx)[match.id] ?? []
            guard !MatchRules.holds(remaining, kind: match.kind), remote.isEmpty || remaining.isEmpty else { continue }
            try MatchRepository.end(match.id, in: tx)
            try AuditLog.record(.matched, municipality: match.municipality, actor: actor, match: match.id, detail: "ended", at: now, in: tx)
        }
    }

    /// A death notice from the desk: every active signal on the person goes at once (Jeugdwet
    /// 7.1.4.5), in every municipality this instance serves; the BSN is keyed and dropped.
    /// Returns how many signals were removed.
    public func recordDeath(_ notice: PersonDeceased, notifiedBy producer: String, in tx: Transaction) throws -> Int {
        let bsn: BSN
        do { bsn = try BSN(notice.bsn) } catch { throw ReferralIndexError.invalidBSN(field: "bsn", error) }
        let subject = settings.keyer.key(of: bsn)
        try SignalRepository.lock([subject], in: tx)
        var removed = 0
        for var signal in try SignalRepository.active(on: subject, in: tx) where settings.serves(signal.municipality) {
            try remove(&signal, reason: .deceased, actor: producer, in: tx)
            removed += 1
        }
        return removed
    }

    /// The scheduled removal (Jeugdwet 7.1.4.5): takes out the signals whose two years ended or
    /// whose young person turned 23, and deletes the records whose five years ended, with their
    /// audit. Idempotent, and safe on two instances at once (locked rows are skipped).
    public func runRemoval(batch: Int = 500) async throws -> RemovalRun {
        let today = self.today
        let now = clock()
        var run = RemovalRun(removed: 0, deleted: 0, auditEntriesDeleted: 0)
        while true {
            let removed = try await transaction { tx in
                let due = try SignalRepository.dueForRemoval(on: today, limit: batch, in: tx)
                for var signal in due {
                    let made = self.settings.calendar.day(of: signal.refreshedAt)
                    let reason = signal.birthDate.map { RemovalRules.scheduledReason(made: made, birthDate: $0) } ?? .twoYears
                    try self.remove(&signal, reason: reason, actor: "scheduler", in: tx)
                }
                return due.count
            }
            run.removed += removed
            if removed < batch { break }
        }
        while true {
            let deleted = try await transaction { tx in
                let gone = try SignalRepository.deleteRetained(on: today, limit: batch, in: tx)
                for item in gone {
                    guard let municipality = MunicipalityCode(item.municipality) else { continue }
                    try AuditLog.record(
                        .deleted,
                        municipality: municipality,
                        actor: "scheduler",
                        subject: SubjectKey(bytes: item.subject),
                        signal: item.id,
                        detail: "five years after removal",
                        at: now,
                        in: tx
                    )
                }
                _ = try MatchRepository.deleteEmptyEnded(in: tx)
                return gone.count
            }
            run.deleted += deleted
            if deleted < batch { break }
        }
        let cutoff = settings.calendar.calendar.date(byAdding: .year, value: -RemovalRules.retentionYears, to: now) ?? now
        run.auditEntriesDeleted = try await transaction { tx in try AuditLog.deleteOlder(than: cutoff, in: tx) }
        return run
    }

    /// Switches the index off for the administrator's municipality and purges every signal,
    /// match, notification and audit entry of it in one transaction; the report of what was
    /// deleted is kept (the one record that remains) and returned. Registrations are refused
    /// from then on; other municipalities and the rest of the chain are untouched.
    /// - Parameter confirmation: the municipality's code, typed again.
    public func switchOff(confirmation: String, by actor: Professional) async throws -> SwitchOffReport {
        try actor.require(.administrator, to: "switch the referral index off")
        guard confirmation == actor.municipality.rawValue else { throw ReferralIndexError.confirmationMissing }
        let now = clock()
        return try await transaction { tx in
            // No registration of the municipality runs meanwhile (they hold the shared lock).
            try SwitchOffRepository.lock(actor.municipality, exclusive: true, in: tx)
            if let earlier = try SwitchOffRepository.report(actor.municipality, in: tx) { return earlier }
            // The national index deletes its copies too.
            for signal in try SignalRepository.active(in: actor.municipality, in: tx) {
                var ended = signal
                ended.status = .removed
                try self.forward(ended, in: tx)
            }
            let counts = try SwitchOffRepository.purge(actor.municipality, in: tx)
            let report = SwitchOffReport(
                municipality: actor.municipality.rawValue,
                switchedOffAt: now,
                switchedOffBy: actor.username,
                signals: counts.signals,
                matches: counts.matches,
                notifications: counts.notifications,
                auditEntries: counts.audit
            )
            try SwitchOffRepository.record(report, in: tx)
            // The one audit entry of the municipality that remains: the purge itself.
            try AuditLog.record(
                .switchedOff,
                municipality: actor.municipality,
                actor: actor.username,
                detail:
                    "purged \(counts.signals) signals, \(counts.matches) matches, \(counts.notifications) notifications, \(counts.audit) audit entries",
                at: now,
                in: tx
            )
            return report
        }
    }
}
