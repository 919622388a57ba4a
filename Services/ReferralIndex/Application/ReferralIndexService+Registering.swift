public import Contracts
public import Foundation
public import Storage
import WorkingDays

extension ReferralIndexService {
    /// Registers a signal from a professional's account or an organisation's system (HTTP).
    /// - Throws: `ReferralIndexError` for every refusal (audited; nothing else stored).
    /// A professional signals as themselves: the body cannot name a colleague.
    public func register(_ input: SignalInput, by actor: Professional) async throws -> SignalReceipt {
        var input = input
        if actor.role == .professional { input.professional = nil }
        let own = input
        return try await audited(actor) { tx in
            let organisation = try actor.signallingOrganisation()
            return try self.register(own, organisation: organisation, actor: actor.username, fallback: actor.contact, in: tx)
        }
    }

    /// Registers a signal in `tx` for `organisation` (the broker-validated sender, or the
    /// organisation of the logged-in account): checks, keys, refreshes or inserts, matches.
    public func register(
        _ input: SignalInput,
        organisation: OrganisationKey,
        actor: String,
        fallback: ProfessionalContact? = nil,
        in tx: Transaction
    ) throws -> SignalReceipt {
        let now = clock()
        let today = self.today
        let municipality = organisation.municipality
        // The municipality's lock, the switch-off and the designation in one round trip.
        try SwitchOffRepository.lock(municipality, exclusive: false, in: tx)
        let designation = try OrganisationRepository.designation(organisation, in: tx)
        if designation.switchedOff { throw ReferralIndexError.switchedOff }
        guard let designated = designation.organisation, designated.isAuthorised else {
            throw ReferralIndexError.organisationNotAuthorised(organisation.description)
        }
        let checked = try input.checked(
            organisation: organisation,
            fallback: fallback,
            keyer: settings.keyer,
            today: today,
            matchesAddresses: settings.matchesAddresses
        )
        try SignalRepository.lock([checked.subject] + checked.parents + (checked.address.map { [$0] } ?? []), in: tx)
        let onSubject = try SignalRepository.active(on: checked.subject, municipality: municipality, in: tx)
        if onSubject.contains(where: { $0.birthDate != nil && $0.birthDate != checked.birthDate }) {
            throw ReferralIndexError.birthDateMismatch
        }
        var signal: Signal
        let outcome: String
        if var existing = onSubject.first(where: { $0.organisation == organisation && $0.professional.email == checked.professional.email }) {
            existing.refresh(
                professional: checked.professional,
                parentKeys: checked.parents,
                addressKey: checked.address,
                informed: checked.informed,
                reference: checked.reference,
                at: now,
                today: today
            )
            try SignalRepository.save(existing, in: tx)
            signal = existing
            outcome = "refreshed"
        } else {
            signal = Signal(
                municipality: municipality,
                subjectKey: checked.subject,
                parentKeys: checked.parents,
                addressKey: checked.address,
                organisation: organisation,
                professional: checked.professional,
                birthDate: checked.birthDate,
                informed: checked.informed,
                reference: checked.reference,
                at: now,
                today: today
            )
            try SignalRepository.insert(signal, in: tx)
            outcome = "registered"
        }
        try AuditLog.record(
            outcome == "registered" ? .registered : .refreshed,
            municipality: municipality,
            actor: actor,
            organisation: organisation,
            subject: signal.subjectKey,
            signal: signal.id,
            at: now,
            in: tx
        )
        try forward(signal, in: tx)
        let others = onSubject.filter { $0.id != signal.id }
        var matches = try matchClient(signal, others: others, at: now, in: tx)
        matches += try matchFamily(signal, at: now, in: tx)
        let views = try Self.views(of: matches, settings: settings, now: now, in: tx)
        return SignalReceipt(outcome: outcome, signal: SignalView(signal), matches: views)
    }
}
