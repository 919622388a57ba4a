public import Foundation

/// `volunteer-centre.volunteer.registered`: a volunteer centre (vrijwilligerscentrale) registers a
/// volunteer, or updates one it registered before (same `reference`), with the volunteer's own
/// consent. Published by the centre on `wmo.partners` as
/// `volunteer-centre.<centre>.volunteer.registered` from its own broker login; matching takes the
/// centre from the broker-validated `user_id`. Answered with `matching.volunteer.recorded`, or
/// dead-lettered with the reason (and a `notice.message-rejected` notice).
public struct VolunteerRegistered: MessageContract, Equatable {
    public static let messageType = "volunteer-centre.volunteer.registered"
    public static let schemaVersion = SchemaVersion(1, 1)

    /// The VOG (certificate of conduct).
    public struct Certificate: Codable, Sendable, Equatable {
        /// `issued`, `applied` or `none`.
        public var status: String
        /// `YYYY-MM-DD`, for an issued VOG; not in the future.
        public var issuedOn: String?
        public init(status: String, issuedOn: String? = nil) {
            self.status = status
            self.issuedOn = issuedOn
        }
    }

    /// A period the volunteer does not want to be asked (holiday, illness): both days included.
    public struct Pause: Codable, Sendable, Equatable {
        /// `YYYY-MM-DD`.
        public var from: String
        /// `YYYY-MM-DD`, not before `from`.
        public var until: String
        public init(from: String, until: String) {
            self.from = from
            self.until = until
        }
    }

    /// The centre's own volunteer number: updates and receipts refer to it.
    public var reference: String
    public var name: String
    public var phone: String?
    public var email: String?
    /// When the volunteer consented to be registered and matched (ISO 8601).
    public var consentedAt: Date
    /// `6811 AB` or `6811`: the district comes from it.
    public var postcode: String
    /// From the task list (`shopping`, `visiting`, …).
    public var tasks: [VolunteerTask]
    /// Weekday × part of day, `monday-morning` … `sunday-evening`.
    public var availability: [String]
    public var maxDistanceKm: Int
    /// ISO 639-1 codes.
    public var languages: [String]
    public var certificate: Certificate
    public var maxMatches: Int
    /// `false` takes the volunteer out of matching (they left the centre).
    public var active: Bool?
    /// When the volunteer is not to be asked (since 1.1); an update replaces the earlier pauses.
    public var pauses: [Pause]?

    public init(
        reference: String,
        name: String,
        phone: String?,
        email: String?,
        consentedAt: Date,
        postcode: String,
        tasks: [VolunteerTask],
        availability: [String],
        maxDistanceKm: Int,
        languages: [String],
        certificate: Certificate,
        maxMatches: Int,
        active: Bool? = nil,
        pauses: [Pause]? = nil
    ) {
        self.reference = reference
        self.name = name
        self.phone = phone
        self.email = email
        self.consentedAt = consentedAt
        self.postcode = postcode
        self.tasks = tasks
        self.availability = availability
        self.maxDistanceKm = maxDistanceKm
        self.languages = languages
        self.certificate = certificate
        self.maxMatches = maxMatches
        self.active = active
        self.pauses = pauses
    }

    public func validate() throws(ContractViolation) {
        try ContractViolation.check(reference, "reference", length: 1...100)
        try ContractViolation.check(name, "name", length: 1...120)
        guard !tasks.isEmpty else { throw ContractViolation(field: "tasks", problem: "offer at least one task") }
        guard (1...100).contains(maxDistanceKm) else { throw ContractViolation(field: "maxDistanceKm", problem: "1-100 km") }
        guard (1...10).contains(maxMatches) else { throw ContractViolation(field: "maxMatches", problem: "1-10") }
        guard availability.count <= 21, languages.count <= 20 else {
            throw ContractViolation(field: "availability", problem: "at most 21 slots and 20 languages")
        }
        guard (pauses ?? []).count <= 20 else { throw ContractViolation(field: "pauses", problem: "at most 20 pauses") }
    }
}
