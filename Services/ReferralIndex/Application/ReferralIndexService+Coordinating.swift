import Contracts
public import Foundation
import Storage

/// What a professional records on a match: the central contact (regievoerder) and that they
/// coordinated.
public struct CoordinationInput: Codable, Sendable {
    /// The signal whose professional is the central contact.
    public var centralContactSignalId: UUID?
    /// True once the professionals coordinated.
    public var coordinated: Bool?

    public init(centralContactSignalId: UUID? = nil, coordinated: Bool? = nil) {
        self.centralContactSignalId = centralContactSignalId
        self.coordinated = coordinated
    }
}

/// A subject-access request: the BSN, and the municipality's decision that authorises it.
public struct SubjectAccessInput: Codable, Sendable {
    public var bsn: String
    /// The reference of the authorisation (e.g. the desk's request number), 1-64 characters.
    public var authorisation: String

    public init(bsn: String, authorisation: String) {
        self.bsn = bsn
        self.authorisation = authorisation
    }
}

extension ReferralIndexService {
    /// Records the central contact and/or the coordination on a match the caller is on.
    public func recordCoordination(_ id: UUID, _ input: CoordinationInput, by actor: Professional) async throws -> MatchView {
        let now = clock()
        let settings = self.settings
        return try await audited(actor) { tx in
            var match = try Self.visibleMatch(id, to: actor, forUpdate: true, in: tx)
            guard match.status == .active else { throw ReferralIndexError.matchNotFound }
            guard input.centralContactSignalId != nil || input.coordinated == true else {
                throw ReferralIndexError.invalidParameter("centralContactSignalId")
            }
            if let contact = input.centralContactSignalId {
                let ids = try MatchRepository.signalIDs(of: [id], in: tx)[id] ?? []
                let active = try SignalRepository.signals(ids, in: tx).filter(\.isActive)
                let remote = try FederationRepository.remote(on: [id], in: tx)[id] ?? []
                guard active.contains(where: { $0.id == contact }) || remote.contains(where: { $0.signalId == contact }) else {
                    throw ReferralIndexError.centralContactNotOnMatch
                }
                match.centralContact = contact
                match.centralContactRecordedAt = now
            }
            if input.coordinated == true {
                match.coordinatedAt = now
                match.coordinatedBy = actor.username
            }
            try MatchRepository.save(match, in: tx)
            try AuditLog.record(
                .coordination,
                municipality: match.municipality,
                actor: actor.username,
                organisation: actor.organisation,
                signal: input.centralContactSignalId,
                match: match.id,
                detail: input.coordinated == true ? "coordinated" : "central contact",
                at: now,
                in: tx
            )
            return try Self.views(of: [match], settings: settings, now: now, in: tx)[0]
        }
    }

    /// Which organisations signalled the young person with `input.bsn`, when (the right of
    /// access, asked through the desk with the municipality's authorisation); the coordinator
    /// runs it, and it is audited with the authorisation.
    public func subjectAccess(_ input: SubjectAccessInput, by actor: Professional) async throws -> SubjectAccessReport {
        try actor.require(.coordinator, to: "run a subject-access report")
        let bsn: BSN
        do { bsn = try BSN(input.bsn) } catch { throw ReferralIndexError.invalidBSN(field: "bsn", error) }
        guard SignalInput.isPlainReference(input.authorisation) else { throw ReferralIndexError.invalidParameter("authorisation") }
        let subject = settings.keyer.key(of: bsn)
        let now = clock()
        return try await transaction { tx in
            let signals = try SignalRepository.all(on: subject, municipality: actor.municipality, in: tx)
            let names = try OrganisationRepository.names(Array(Set(signals.map(\.organisation))), in: tx)
            try AuditLog.record(
                .subjectAccess,
                municipality: actor.municipality,
                actor: actor.username,
                subject: subject,
                detail: "authorisation \(input.authorisation)",
                at: now,
                in: tx
            )
            return SubjectAccessReport(
                municipality: actor.municipality.rawValue,
                authorisation: input.authorisation,
                entries: signals.map { signal in
                    SubjectAccessReport.Entry(
                        organisation: signal.organisation.description,
                        organisationName: names[signal.organisation] ?? signal.organisation.description,
                        registeredAt: signal.registeredAt,
                        status: signal.status.rawValue,
                        removal: signal.removal?.rawValue,
                        removedAt: signal.removedAt
                    )
                }
            )
        }
    }
}
