import Contracts
public import Foundation
public import Storage
import WorkingDays

extension MatchingService {
    /// Registers a volunteer (the coordinator, with the volunteer's consent), or for a centre's
    /// system one of its own volunteers (updated when its `reference` is known).
    public func registerVolunteer(_ input: VolunteerInput, by account: Coordinator) async throws -> VolunteerView {
        let now = clock()
        return try await transaction { tx in
            let (volunteer, _) = try register(
                input,
                centre: account.centre,
                municipality: account.municipality,
                actor: account.username,
                at: now,
                in: tx
            )
            return VolunteerView(volunteer, load: try VolunteerRepository.load(of: volunteer.id, in: tx))
        }
    }

    /// The registration of `input` in `tx`: a centre's known reference updates that volunteer.
    /// Returns the volunteer and whether it was new.
    func register(
        _ input: VolunteerInput,
        centre: OrganisationKey?,
        municipality: MunicipalityCode,
        actor: String,
        at now: Date,
        in tx: Transaction
    ) throws -> (Volunteer, Bool) {
        var existing: Volunteer?
        if let centre {
            guard let reference = input.reference else { throw MatchingError.invalidParameter("reference") }
            existing = try VolunteerRepository.find(centre: centre, reference: reference, in: tx)
        }
        let volunteer = try input.volunteer(
            id: existing?.id ?? UUID(),
            municipality: municipality,
            centre: centre,
            districts: settings.districts,
            today: settings.calendar.day(of: now),
            now: now
        )
        try VolunteerRepository.save(volunteer, registeredAt: now, in: tx)
        try PersonAccessLog.record(
            existing == nil ? .register : .update,
            by: actor,
            municipality: municipality,
            volunteer: volunteer.id,
            at: now,
            in: tx
        )
        return (volunteer, existing == nil)
    }

    /// A centre's `volunteer-centre.volunteer.registered`, answered with `matching.volunteer.recorded`.
    func register(_ message: VolunteerRegistered, from centre: OrganisationKey, header: EnvelopeHeader, in tx: Transaction) throws {
        let (volunteer, isNew) = try register(
            VolunteerInput(message),
            centre: centre,
            municipality: centre.municipality,
            actor: centre.description,
            at: clock(),
            in: tx
        )
        try emit(
            VolunteerRecorded(reference: message.reference, volunteerId: volunteer.id, outcome: isNew ? "registered" : "updated"),
            correlation: header.correlationId,
            municipality: centre.municipality,
            causedBy: header.messageId,
            routingKey: MatchingTopology.routingKey(VolunteerRecorded.messageType, for: centre),
            in: tx
        )
    }

    /// The municipality's volunteers (a centre: its own), each read logged.
    public func volunteers(by account: Coordinator) async throws -> [VolunteerView] {
        let now = clock()
        return try await transaction { tx in
            try VolunteerRepository.list(municipality: account.municipality, centre: account.centre, limit: 1000, in: tx).map { volunteer, load in
                try PersonAccessLog.record(.list, by: account.username, municipality: account.municipality, volunteer: volunteer.id, at: now, in: tx)
                return VolunteerView(volunteer, load: load)
            }
        }
    }

    /// One volunteer (a centre: only its own), the read logged.
    public func volunteer(_ id: UUID, by account: Coordinator) async throws -> VolunteerView {
        let now = clock()
        return try await transaction { tx in
            guard let volunteer = try VolunteerRepository.find(id, municipality: account.municipality, in: tx),
                account.centre == nil || volunteer.centre == account.centre
            else { throw MatchingError.volunteerNotFound }
            try PersonAccessLog.record(.read, by: account.username, municipality: account.municipality, volunteer: id, at: now, in: tx)
            return VolunteerView(volunteer, load: try VolunteerRepository.load(of: id, in: tx))
        }
    }
}
