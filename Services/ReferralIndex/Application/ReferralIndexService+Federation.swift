import Contracts
import Foundation
import ReliableMessaging
import Storage

/// Federation (SPEC §5): a region forwards every signal's state to the national index, which
/// finds client and family matches across regions and tells each region involved; the region
/// notifies its own organisations, with the other regions' professionals on the match.
extension ReferralIndexService {
    /// A region: `referralindex.signal.forwarded` with the signal as it is now (nothing elsewhere).
    func forward(_ signal: Signal, in tx: Transaction) throws {
        guard let region = settings.federation.regionName else { return }
        let message: SignalForwarded
        if signal.isActive {
            let names = try OrganisationRepository.names([signal.organisation], in: tx)
            message = SignalForwarded(
                region: region,
                signalId: signal.id,
                active: true,
                subjectKey: signal.subjectKey.description,
                parentKeys: signal.parentKeys.isEmpty ? nil : signal.parentKeys.map(\.description),
                organisation: signal.organisation.description,
                organisationName: names[signal.organisation] ?? signal.organisation.description,
                professional: .init(name: signal.professional.name, phone: signal.professional.phone, email: signal.professional.email)
            )
        } else {
            message = SignalForwarded(region: region, signalId: signal.id, active: false)
        }
        let envelope = Envelope(message, correlationId: signal.id, municipality: signal.municipality, producer: producer)
        try Outbox.enqueue(envelope, routingKey: SignalForwarded.messageType, in: tx)
    }

    /// The national index: keeps (or deletes) a region's signal and matches it across regions.
    func receiveForwarded(_ message: SignalForwarded, municipality: MunicipalityCode, in tx: Transaction) throws {
        guard settings.federation == .national else { throw ReferralIndexError.notPermitted("receive forwarded signals (not the national index)") }
        let now = clock()
        guard message.active else {
            // Gone from the region: gone here, and the other regions on its matches hear who is left.
            let held = try FederationRepository.matches(holding: message.signalId, region: message.region, in: tx)
            try FederationRepository.delete(region: message.region, signal: message.signalId, in: tx)
            for match in held { try tellRegions(match.id, kind: match.kind, municipality: municipality, in: tx) }
            return
        }
        guard let subject = message.subjectKey.flatMap(SubjectKey.init(hex:)), let organisation = message.organisation,
            let professional = message.professional
        else { throw ReferralIndexError.invalidParameter("subjectKey") }
        let parents = try (message.parentKeys ?? []).map { text in
            guard let key = SubjectKey(hex: text) else { throw ReferralIndexError.invalidParameter("parentKeys") }
            return key
        }
        let signal = FederatedSignal(
            region: message.region,
            signalID: message.signalId,
            subject: subject,
            parents: parents,
            participant: MatchNotified.Participant(
                signalId: message.signalId,
                organisation: organisation,
                organisationName: message.organisationName ?? organisation,
                name: professional.name,
                phone: professional.phone,
                email: professional.email
            )
        )
        try SignalRepository.lock([subject] + parents, in: tx)
        try FederationRepository.upsert(signal, at: now, in: tx)
        let same = try FederationRepository.on(subject, in: tx)
        if Set(same.map(\.region)).count >= 2 { try federate(.client, same, municipality: municipality, at: now, in: tx) }
        if !parents.isEmpty {
            let family = try FederationRepository.with(parents: parents, in: tx)
            if Set(family.map(\.region)).count >= 2, Set(family.map(\.subject)).count >= 2 {
                try federate(.family, family, municipality: municipality, at: now, in: tx)
            }
        }
    }

    /// Creates or extends the national match of `kind` on `signals`, and tells every region on it
    /// when someone joined.
    private func federate(_ kind: Match.Kind, _ signals: [FederatedSignal], municipality: MunicipalityCode, at now: Date, in tx: Transaction) throws {
        let id: UUID
        if let existing = try FederationRepository.match(kind, holding: signals, in: tx) {
            let joining = signals.filter { !existing.members.contains("\($0.region)/\($0.signalID)") }
            guard !joining.isEmpty else { return }
            try FederationRepository.add(joining, to: existing.id, in: tx)
            id = existing.id
        } else {
            id = UUID()
            try FederationRepository.createMatch(id, kind: kind, at: now, in: tx)
            try FederationRepository.add(signals, to: id, in: tx)
        }
        try tellRegions(id, kind: kind, municipality: municipality, in: tx)
    }

    /// `referralindex.federation.matched` to every region with a signal on match `id`: its
    /// signals on it and every professional on it now.
    private func tellRegions(_ id: UUID, kind: Match.Kind, municipality: MunicipalityCode, in tx: Transaction) throws {
        let members = try FederationRepository.members(of: id, in: tx)
        for region in Set(members.map(\.region)).sorted() {
            let message = FederationMatched(
                matchId: id,
                kind: kind.rawValue,
                region: region,
                signalIds: members.filter { $0.region == region }.map(\.signalID),
                youngPeople: Set(members.map(\.subject)).count,
                participants: members.map(\.participant)
            )
            let envelope = Envelope(message, correlationId: id, municipality: municipality, producer: producer)
            try Outbox.enqueue(envelope, routingKey: ReferralIndexTopology.federationRoutingKey(region), in: tx)
        }
    }

    /// A region: the national index found a match across regions with some of our signals; the
    /// match (under the national key) gets our signals and the others' professionals, and our
    /// organisations are notified as for a match of our own.
    func receiveFederationMatch(_ message: FederationMatched, in tx: Transaction) throws {
        guard let region = settings.federation.regionName, region == message.region else {
            throw ReferralIndexError.notPermitted("receive another region's federated match")
        }
        guard let kind = Match.Kind(rawValue: message.kind) else { throw ReferralIndexError.invalidParameter("kind") }
        let local = try SignalRepository.signals(message.signalIds, in: tx).filter(\.isActive)
        guard let first = local.first else { return }
        let localIDs = Set(local.map(\.id))
        let remote = message.participants.filter { !localIDs.contains($0.signalId) }
        let now = clock()
        var match: Match
        let change: String
        if let existing = try MatchRepository.find(message.matchId, municipality: first.municipality, forUpdate: true, in: tx) {
            let knownRemote = Set((try FederationRepository.remote(on: [existing.id], in: tx)[existing.id] ?? []).map(\.signalId))
            let held = Set(try MatchRepository.signalIDs(of: [existing.id], in: tx)[existing.id] ?? [])
            if Set(remote.map(\.signalId)).isSubset(of: knownRemote), localIDs.isSubset(of: held) {
                // Someone left elsewhere: who is on it now, without telling anyone anew.
                try FederationRepository.replaceRemote(remote, on: existing.id, in: tx)
                if remote.isEmpty, !MatchRules.holds(local, kind: kind) { try MatchRepository.end(existing.id, in: tx) }
                return
            }
            match = existing
            match.extendedAt = now
            match.status = .active
            try MatchRepository.save(match, in: tx)
            change = "extended"
        } else {
            let coordinator =
                settings.coordinatorRule.coordinator(of: local, municipalityCoordinators: settings.coordinators, municipality: first.municipality)
                ?? first.organisation
            match = Match(id: message.matchId, municipality: first.municipality, kind: kind, coordinator: coordinator, createdAt: now)
            try MatchRepository.insert(match, in: tx)
            change = "created"
        }
        try MatchRepository.add(Array(localIDs), to: match.id, at: now, in: tx)
        try FederationRepository.replaceRemote(remote, on: match.id, in: tx)
        try AuditLog.record(
            .matched,
            municipality: match.municipality,
            actor: "national",
            match: match.id,
            detail: "\(kind.rawValue) across regions \(change)",
            at: now,
            in: tx
        )
        try notify(match, signals: local, remote: remote, youngPeople: message.youngPeople, change: change, at: now, in: tx)
    }
}
