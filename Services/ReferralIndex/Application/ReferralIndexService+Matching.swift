import Contracts
import Foundation
import ReliableMessaging
import Storage

extension ReferralIndexService {
    /// Creates or extends the client match on `signal`'s young person when another organisation
    /// holds an active signal on them; returns the match (empty when there is none).
    func matchClient(_ signal: Signal, others: [Signal], at now: Date, in tx: Transaction) throws -> [Match] {
        let all = others + [signal]
        guard MatchRules.isClientMatch(all) else { return [] }
        return [try createOrExtend(.client, signals: all, newcomer: signal, at: now, in: tx)]
    }

    /// Creates or extends the family match of `signal`'s young person with the young people who
    /// share a parent (transitively, within the municipality).
    /// Where the second rule is on, young people at the same address that is not on the
    /// municipality's register of excluded addresses count as a family too.
    func matchFamily(_ signal: Signal, at now: Date, in tx: Transaction) throws -> [Match] {
        var address: SubjectKey?
        if settings.matchesAddresses, let key = signal.addressKey,
            try !ExcludedAddressRepository.contains(key, municipality: signal.municipality, in: tx)
        {
            address = key
        }
        guard !signal.parentKeys.isEmpty || address != nil else { return [] }
        var parents = Set(signal.parentKeys)
        var candidates: [Signal] = []
        // Siblings of siblings through another parent: a few rounds reach every family.
        for _ in 0..<3 where !parents.isEmpty {
            candidates = try SignalRepository.active(withParents: Array(parents), municipality: signal.municipality, in: tx)
            let found = parents.union(candidates.flatMap(\.parentKeys))
            if found == parents { break }
            parents = found
        }
        if let address {
            let known = Set(candidates.map(\.id))
            candidates += try SignalRepository.active(atAddress: address, municipality: signal.municipality, in: tx).filter {
                !known.contains($0.id)
            }
        }
        let family = MatchRules.family(of: signal, among: candidates) { member in
            member.parentKeys + (address != nil && member.addressKey == address ? [address!] : [])
        }
        guard MatchRules.isFamilyMatch(family) else { return [] }
        return [try createOrExtend(.family, signals: family, newcomer: signal, at: now, in: tx)]
    }

    /// The match of `kind` on `signals`: the oldest active one holding any of them gets the
    /// others (and notifies when someone new joined), or a new one is made and notified.
    private func createOrExtend(_ kind: Match.Kind, signals: [Signal], newcomer: Signal, at now: Date, in tx: Transaction) throws -> Match {
        let existing = try MatchRepository.active(kind, holding: signals.map(\.id), in: tx)
        if var match = existing.first {
            let held = Set(try MatchRepository.signalIDs(of: [match.id], in: tx)[match.id] ?? [])
            let joining = signals.filter { !held.contains($0.id) }
            guard !joining.isEmpty else { return match }
            try MatchRepository.add(joining.map(\.id), to: match.id, at: now, in: tx)
            match.extendedAt = now
            try MatchRepository.save(match, in: tx)
            try AuditLog.record(
                .matched,
                municipality: match.municipality,
                actor: producer,
                organisation: newcomer.organisation,
                subject: newcomer.subjectKey,
                signal: newcomer.id,
                match: match.id,
                detail: "\(kind.rawValue) extended",
                at: now,
                in: tx
            )
            let current = try SignalRepository.signals(Array(held.union(joining.map(\.id))), in: tx)
            try notify(match, signals: current.filter(\.isActive), change: "extended", at: now, in: tx)
            return match
        }
        guard
            let coordinator = settings.coordinatorRule.coordinator(
                of: signals,
                municipalityCoordinators: settings.coordinators,
                municipality: newcomer.municipality
            )
        else { throw ReferralIndexError.matchNotFound }
        let match = Match(municipality: newcomer.municipality, kind: kind, coordinator: coordinator, createdAt: now)
        try MatchRepository.insert(match, in: tx)
        try MatchRepository.add(signals.map(\.id), to: match.id, at: now, in: tx)
        try AuditLog.record(
            .matched,
            municipality: match.municipality,
            actor: producer,
            organisation: newcomer.organisation,
            subject: newcomer.subjectKey,
            signal: newcomer.id,
            match: match.id,
            detail: "\(kind.rawValue) created",
            at: now,
            in: tx
        )
        try notify(match, signals: signals, change: "created", at: now, in: tx)
        return match
    }

    /// `referralindex.match.notified` to every professional's organisation with an active signal
    /// on the match (the others' contacts), and to the coordinator when it has no signal on it.
    /// `remote` are the professionals of other regions on a federated match.
    func notify(
        _ match: Match,
        signals: [Signal],
        remote: [MatchNotified.Participant] = [],
        youngPeople: Int? = nil,
        change: String,
        at now: Date,
        in tx: Transaction
    ) throws {
        let names = try OrganisationRepository.names(Array(Set(signals.map(\.organisation) + [match.coordinator])), in: tx)
        let participants = signals.map { Self.participant($0, names: names) } + remote
        let youngPeople = youngPeople ?? Set(signals.map(\.subjectKey)).count
        func send(to recipient: OrganisationKey, signal: Signal?) throws {
            let message = MatchNotified(
                matchId: match.id,
                kind: match.kind.rawValue,
                change: change,
                signalId: signal?.id,
                coordinator: match.coordinator.description,
                youngPeople: youngPeople,
                participants: participants.filter { $0.signalId != signal?.id }
            )
            let envelope = Envelope(message, correlationId: match.id, municipality: match.municipality, producer: producer)
            try Outbox.enqueue(envelope, routingKey: ReferralIndexTopology.routingKey(MatchNotified.messageType, for: recipient), in: tx)
            try MatchRepository.recordNotification(match: match.id, recipient: recipient, signal: signal?.id, change: change, at: now, in: tx)
            try AuditLog.record(
                .notified,
                municipality: match.municipality,
                actor: producer,
                organisation: recipient,
                subject: signal?.subjectKey,
                signal: signal?.id,
                match: match.id,
                detail: change,
                at: now,
                in: tx
            )
        }
        for signal in signals { try send(to: signal.organisation, signal: signal) }
        if !signals.contains(where: { $0.organisation == match.coordinator }) { try send(to: match.coordinator, signal: nil) }
    }
}
