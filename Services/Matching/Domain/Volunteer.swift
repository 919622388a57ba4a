public import Contracts
public import Foundation
public import WorkingDays

/// A volunteer (vrijwilliger), registered with their own consent, by the municipality's matching
/// coordinator or by a volunteer centre (then the centre answers proposals for them).
public struct Volunteer: Sendable, Hashable {
    /// A period in which the volunteer takes no new matches (holiday, illness).
    public struct Pause: Sendable, Hashable, Codable {
        public var from: LocalDate
        public var until: LocalDate

        public init(from: LocalDate, until: LocalDate) throws(MatchingError) {
            guard from <= until else { throw .invalidPause }
            self.from = from
            self.until = until
        }

        public func covers(_ day: LocalDate) -> Bool { from <= day && day <= until }
    }

    public let id: UUID
    public let municipality: MunicipalityCode
    /// The volunteer centre that registered them and answers for them; `nil` when the
    /// municipality's coordinator did.
    public var centre: OrganisationKey?
    /// The centre's own reference (its volunteer number), for its receipts.
    public var centreReference: String?
    public var contact: PersonalContact
    /// When they consented to be registered and matched.
    public var consentedAt: Date
    public var postcode: String
    /// Their district, from the postcode.
    public var place: DistrictMap.Place
    public var tasks: Set<VolunteerTask>
    public var availability: WeeklyAvailability
    public var maxDistanceKm: Int
    /// ISO 639-1 codes (`nl`, `tr`, `ar`, …).
    public var languages: Set<String>
    public var certificate: CertificateOfConduct
    public var maxMatches: Int
    public var pauses: [Pause]
    public var isActive: Bool

    public init(
        id: UUID = UUID(),
        municipality: MunicipalityCode,
        centre: OrganisationKey? = nil,
        centreReference: String? = nil,
        contact: PersonalContact,
        consentedAt: Date,
        postcode: String,
        place: DistrictMap.Place,
        tasks: Set<VolunteerTask>,
        availability: WeeklyAvailability,
        maxDistanceKm: Int,
        languages: Set<String>,
        certificate: CertificateOfConduct,
        maxMatches: Int,
        pauses: [Pause] = [],
        isActive: Bool = true
    ) {
        self.id = id
        self.municipality = municipality
        self.centre = centre
        self.centreReference = centreReference
        self.contact = contact
        self.consentedAt = consentedAt
        self.postcode = postcode
        self.place = place
        self.tasks = tasks
        self.availability = availability
        self.maxDistanceKm = maxDistanceKm
        self.languages = languages
        self.certificate = certificate
        self.maxMatches = maxMatches
        self.pauses = pauses
        self.isActive = isActive
    }

    /// True when a pause covers `day`.
    public func isPaused(on day: LocalDate) -> Bool { pauses.contains { $0.covers(day) } }
}
