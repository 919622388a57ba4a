public import Contracts
public import Foundation
public import WorkingDays

/// An informal carer (mantelzorger), registered with their own consent: who they care for (the
/// desk's subjectRef when that person is a client), how much, since when, how heavy it is.
public struct InformalCarer: Sendable, Hashable {
    /// What support the carer wants.
    public enum Support: String, Sendable, Codable, CaseIterable {
        case information
        case respite
        case practicalHelp = "practical-help"
        case peers
    }

    public let id: UUID
    public let municipality: MunicipalityCode
    public var contact: PersonalContact
    public var consentedAt: Date
    public var postcode: String
    public var place: DistrictMap.Place
    /// The cared-for person, when a client of the desk.
    public var caredFor: SubjectRef?
    public var hoursPerWeek: Int
    public var since: LocalDate
    /// Experienced burden (ervaren belasting), 0 (none) to 9 (overburdened).
    public var burden: Int
    public var supportWanted: Set<Support>
    public var registeredAt: Date

    public init(
        id: UUID = UUID(),
        municipality: MunicipalityCode,
        contact: PersonalContact,
        consentedAt: Date,
        postcode: String,
        place: DistrictMap.Place,
        caredFor: SubjectRef?,
        hoursPerWeek: Int,
        since: LocalDate,
        burden: Int,
        supportWanted: Set<Support>,
        registeredAt: Date
    ) {
        self.id = id
        self.municipality = municipality
        self.contact = contact
        self.consentedAt = consentedAt
        self.postcode = postcode
        self.place = place
        self.caredFor = caredFor
        self.hoursPerWeek = hoursPerWeek
        self.since = since
        self.burden = burden
        self.supportWanted = supportWanted
        self.registeredAt = registeredAt
    }

    /// Overburdened (overbelast) at `threshold` or more: flagged for outreach, respite first.
    public func isOverburdened(threshold: Int) -> Bool { burden >= threshold }
}
