public import Contracts
public import Foundation
import WorkingDays

/// A volunteer's registration as the coordinator's API and a centre's message give it; checked
/// into a `Volunteer` by `volunteer(…)`.
public struct VolunteerInput: Codable, Sendable {
    public struct Certificate: Codable, Sendable {
        public var status: String
        public var issuedOn: String?

        public init(status: String, issuedOn: String? = nil) {
            self.status = status
            self.issuedOn = issuedOn
        }
    }

    public struct PauseInput: Codable, Sendable {
        public var from: String
        public var until: String

        public init(from: String, until: String) {
            self.from = from
            self.until = until
        }
    }

    public var name: String
    public var phone: String?
    public var email: String?
    public var consentedAt: Date?
    public var postcode: String
    public var tasks: [String]
    public var availability: [String]
    public var maxDistanceKm: Int
    public var languages: [String]?
    public var certificate: Certificate?
    public var maxMatches: Int?
    public var pauses: [PauseInput]?
    /// The centre's own volunteer number (centres only).
    public var reference: String?
    public var active: Bool?

    public init(
        name: String,
        phone: String? = nil,
        email: String? = nil,
        consentedAt: Date?,
        postcode: String,
        tasks: [String],
        availability: [String],
        maxDistanceKm: Int,
        languages: [String]? = nil,
        certificate: Certificate? = nil,
        maxMatches: Int? = nil,
        pauses: [PauseInput]? = nil,
        reference: String? = nil,
        active: Bool? = nil
    ) {
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
        self.pauses = pauses
        self.reference = reference
        self.active = active
    }

    /// A centre's registration message.
    public init(_ message: VolunteerRegistered) {
        name = message.name
        phone = message.phone
        email = message.email
        consentedAt = message.consentedAt
        postcode = message.postcode
        tasks = message.tasks.map(\.rawValue)
        availability = message.availability
        maxDistanceKm = message.maxDistanceKm
        languages = message.languages
        certificate = Certificate(status: message.certificate.status, issuedOn: message.certificate.issuedOn)
        maxMatches = message.maxMatches
        pauses = message.pauses?.map { PauseInput(from: $0.from, until: $0.until) }
        reference = message.reference
        active = message.active
    }

    /// The checked volunteer (`id` kept on an update).
    /// - Throws: the first `MatchingError` of the input: unknown task, impossible availability,
    ///   missing or future consent, VOG date in the future, unknown postcode, …
    func volunteer(
        id: UUID,
        municipality: MunicipalityCode,
        centre: OrganisationKey?,
        districts: DistrictMap,
        today: LocalDate,
        now: Date
    ) throws(MatchingError) -> Volunteer {
        guard let consentedAt, consentedAt <= now.addingTimeInterval(300) else { throw .missingConsent }
        let contact = try PersonalContact(name: name, phone: phone, email: email)
        guard let place = districts.place(postcode: postcode, in: municipality) else { throw .unknownPostcode(postcode) }
        var offered: Set<VolunteerTask> = []
        for task in tasks {
            guard let known = VolunteerTask(rawValue: task) else { throw .invalidParameter("tasks") }
            offered.insert(known)
        }
        guard !offered.isEmpty else { throw .invalidParameter("tasks") }
        let availability = try WeeklyAvailability(slots: availability, field: "availability")
        guard (1...100).contains(maxDistanceKm) else { throw .invalidParameter("maxDistanceKm") }
        let maxMatches = self.maxMatches ?? 1
        guard (1...10).contains(maxMatches) else { throw .invalidParameter("maxMatches") }
        var languages: Set<String> = []
        for language in self.languages ?? ["nl"] {
            let code = language.lowercased()
            guard code.count == 2, code.allSatisfy({ $0.isASCII && $0.isLetter }) else { throw .invalidParameter("languages") }
            languages.insert(code)
        }
        var certificate = CertificateOfConduct.absent
        if let given = self.certificate {
            guard let status = CertificateOfConduct.Status(rawValue: given.status) else { throw .invalidParameter("certificate") }
            var issued: LocalDate?
            if let text = given.issuedOn {
                guard let day = LocalDate(iso: text), day.year >= 1900 else {
                    throw .invalidCertificate("'\(text.prefix(20))' is not a date (YYYY-MM-DD)")
                }
                issued = day
            }
            certificate = try CertificateOfConduct(status: status, issuedOn: issued, today: today)
        }
        guard (self.pauses ?? []).count <= 20 else { throw .invalidPause }
        var pauses: [Volunteer.Pause] = []
        for pause in self.pauses ?? [] {
            guard let from = LocalDate(iso: pause.from), let until = LocalDate(iso: pause.until), from.year >= 2000, until.year <= 2200 else {
                throw .invalidPause
            }
            pauses.append(try Volunteer.Pause(from: from, until: until))
        }
        if let reference {
            guard (1...100).contains(reference.count), reference.unicodeScalars.allSatisfy({ $0.value >= 32 }) else {
                throw .invalidParameter("reference")
            }
        }
        return Volunteer(
            id: id,
            municipality: municipality,
            centre: centre,
            centreReference: centre == nil ? nil : reference,
            contact: contact,
            consentedAt: consentedAt,
            postcode: postcode.uppercased().trimmingCharacters(in: .whitespaces),
            place: place,
            tasks: offered,
            availability: availability,
            maxDistanceKm: maxDistanceKm,
            languages: languages,
            certificate: certificate,
            maxMatches: maxMatches,
            pauses: pauses,
            isActive: active ?? true
        )
    }
}

/// An informal carer's registration (the coordinator registers it with the carer).
public struct CarerInput: Codable, Sendable {
    public var name: String
    public var phone: String?
    public var email: String?
    public var consentedAt: Date?
    public var postcode: String
    /// The cared-for person's subjectRef, when a client of the desk.
    public var caredFor: UUID?
    public var hoursPerWeek: Int
    /// `YYYY-MM-DD`.
    public var since: String
    /// Experienced burden, 0-9.
    public var burden: Int
    public var supportWanted: [String]

    public init(
        name: String,
        phone: String? = nil,
        email: String? = nil,
        consentedAt: Date?,
        postcode: String,
        caredFor: UUID? = nil,
        hoursPerWeek: Int,
        since: String,
        burden: Int,
        supportWanted: [String]
    ) {
        self.name = name
        self.phone = phone
        self.email = email
        self.consentedAt = consentedAt
        self.postcode = postcode
        self.caredFor = caredFor
        self.hoursPerWeek = hoursPerWeek
        self.since = since
        self.burden = burden
        self.supportWanted = supportWanted
    }

    func carer(
        id: UUID,
        municipality: MunicipalityCode,
        districts: DistrictMap,
        today: LocalDate,
        now: Date
    ) throws(MatchingError)
        -> InformalCarer
    {
        guard let consentedAt, consentedAt <= now.addingTimeInterval(300) else { throw .missingConsent }
        let contact = try PersonalContact(name: name, phone: phone, email: email)
        guard let place = districts.place(postcode: postcode, in: municipality) else { throw .unknownPostcode(postcode) }
        guard (0...168).contains(hoursPerWeek) else { throw .invalidBurden(field: "hoursPerWeek") }
        guard (0...9).contains(burden) else { throw .invalidBurden(field: "burden") }
        guard let since = LocalDate(iso: since), since.year >= 1900, since <= today else { throw .invalidParameter("since") }
        var support: Set<InformalCarer.Support> = []
        for item in supportWanted {
            guard let known = InformalCarer.Support(rawValue: item) else { throw .invalidParameter("supportWanted") }
            support.insert(known)
        }
        return InformalCarer(
            id: id,
            municipality: municipality,
            contact: contact,
            consentedAt: consentedAt,
            postcode: postcode.uppercased().trimmingCharacters(in: .whitespaces),
            place: place,
            caredFor: caredFor.map(SubjectRef.init),
            hoursPerWeek: hoursPerWeek,
            since: since,
            burden: burden,
            supportWanted: support,
            registeredAt: now
        )
    }
}

/// A carer's request for respite care (respijtzorg) or other help.
public struct RespiteInput: Codable, Sendable {
    /// Default `respite-care`.
    public var task: String?
    public var question: String
    public var timeWindows: [String]?
    public var durationWeeks: Int?
    public var language: String?
}

/// An answer to a proposal.
public struct AnswerInput: Codable, Sendable {
    /// `accepted` or `declined`.
    public var answer: String
    public var reason: String?

    public init(answer: String, reason: String? = nil) {
        self.answer = answer
        self.reason = reason
    }
}

/// The end of a match.
public struct EndInput: Codable, Sendable {
    public var evaluation: String

    public init(evaluation: String) { self.evaluation = evaluation }
}

/// A carer's new burden score (a follow-up conversation).
public struct BurdenInput: Codable, Sendable {
    public var burden: Int
    public var hoursPerWeek: Int?
}
