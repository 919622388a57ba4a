public import Contracts
public import Foundation
public import WorkingDays

/// Persoon: a citizen as recorded once, at the front desk (SPEC P2, "tell once").
///
/// This is the only place in the chain that holds identities. Other services know the person
/// only by `subjectRef`; partners receive only the items a `Consent` names (`PartnerContactData`).
public struct Person: Sendable, Hashable, Codable, Identifiable {
    /// Internal id of the record.
    public var id: UUID
    /// The municipality that registered the person (SPEC P6); staff of others do not see them.
    public var municipality: MunicipalityCode
    /// The pseudonym every other service uses for this person.
    public var subjectRef: SubjectRef
    /// Burgerservicenummer, validated by its type.
    public var bsn: BSN
    /// Voornamen, at most 100 characters; may be empty (some people have none).
    public var givenNames: String
    /// Tussenvoegsel, e.g. `"van der"`, at most 100 characters.
    public var familyNamePrefix: String?
    /// Achternaam, at most 100 characters.
    public var familyName: String
    /// Geboortedatum.
    public var birthDate: LocalDate
    /// Adres; `nil` for a person without a fixed address (zonder vaste woon- of verblijfplaats).
    public var address: Address?
    /// Wijk: the district, which drives the social-map suggestions.
    public var district: String?
    /// Kern: the village or town core within the municipality.
    public var core: String?
    /// Telefoonnummer.
    public var phone: String?
    /// E-mailadres.
    public var email: String?
    /// Contactvoorkeur.
    public var preferredChannel: ContactChannel
    /// Voorkeurstaal, e.g. `"nl"`, `"ar"` or `"Pools"`; `nil` means Dutch.
    public var language: String?
    /// Tolk nodig: an interpreter is needed in conversations.
    public var needsInterpreter: Bool
    /// Wettelijk vertegenwoordiger or another representative.
    public var representative: Representative?

    /// Creates a person record without checks (e.g. when loading from storage); call
    /// `validate(today:)` before storing a new or changed one.
    public init(
        id: UUID = UUID(),
        municipality: MunicipalityCode,
        subjectRef: SubjectRef = SubjectRef(),
        bsn: BSN,
        givenNames: String,
        familyNamePrefix: String? = nil,
        familyName: String,
        birthDate: LocalDate,
        address: Address?,
        district: String? = nil,
        core: String? = nil,
        phone: String? = nil,
        email: String? = nil,
        preferredChannel: ContactChannel = .letter,
        language: String? = nil,
        needsInterpreter: Bool = false,
        representative: Representative? = nil
    ) {
        self.id = id
        self.municipality = municipality
        self.subjectRef = subjectRef
        self.bsn = bsn
        self.givenNames = givenNames
        self.familyNamePrefix = familyNamePrefix
        self.familyName = familyName
        self.birthDate = birthDate
        self.address = address
        self.district = district
        self.core = core
        self.phone = phone
        self.email = email
        self.preferredChannel = preferredChannel
        self.language = language
        self.needsInterpreter = needsInterpreter
        self.representative = representative
    }

    /// The earliest birth date accepted; anything earlier is a typing error.
    public static let earliestBirthDate = LocalDate(year: 1890, month: 1, day: 1)!

    /// Every problem with the record, each naming its form field so the page can show the
    /// message next to it; empty when the record may be stored.
    public func problems(today: LocalDate) -> [FrontDeskError] {
        var problems: [FrontDeskError] = []
        let max = FieldRules.maxNameLength
        problems += FieldRules.text(givenNames, field: "givenNames", label: "Voornamen", max: max, required: false)
        problems += FieldRules.text(
            familyNamePrefix,
            field: "familyNamePrefix",
            label: "Tussenvoegsel",
            max: max,
            required: false
        )
        problems += FieldRules.text(familyName, field: "familyName", label: "Achternaam", max: max)
        if birthDate > today { problems.append(.invalidBirthDate(.inFuture)) }
        if birthDate < Person.earliestBirthDate { problems.append(.invalidBirthDate(.tooEarly)) }
        problems += address?.problems() ?? []
        problems += FieldRules.text(district, field: "district", label: "Wijk", max: max, required: false)
        problems += FieldRules.text(core, field: "core", label: "Kern", max: max, required: false)
        problems += FieldRules.phone(phone)
        problems += FieldRules.email(email)
        problems += FieldRules.text(language, field: "language", label: "Taal", max: max, required: false)
        problems += representative?.problems() ?? []
        if let unreachable = unreachablePreferredChannel { problems.append(.preferredChannelUnreachable(unreachable)) }
        return problems
    }

    /// Throws the first of `problems(today:)`, for callers that need only a yes or no.
    public func validate(today: LocalDate) throws(FrontDeskError) {
        if let first = problems(today: today).first { throw first }
    }

    /// The preferred channel when the record lacks what it needs (an e-mail address for e-mail,
    /// a phone number for sms or phone, an address for a letter); `nil` when it can be used.
    public var unreachablePreferredChannel: ContactChannel? {
        let hasPhone = !(phone?.trimmingWhitespace().isEmpty ?? true)
        let hasEmail = !(email?.trimmingWhitespace().isEmpty ?? true)
        switch preferredChannel {
        case .letter: return address == nil ? .letter : nil
        case .email: return hasEmail ? nil : .email
        case .sms, .phone: return hasPhone ? nil : preferredChannel
        }
    }

    /// The full family name with its prefix, e.g. `"van der Berg"`.
    public var fullFamilyName: String {
        guard let prefix = familyNamePrefix?.trimmingWhitespace(), !prefix.isEmpty else { return familyName }
        return "\(prefix) \(familyName)"
    }

    /// The name as written on a letter, e.g. `"Jan Pieter van der Berg"`.
    public var displayName: String {
        let given = givenNames.trimmingWhitespace()
        return given.isEmpty ? fullFamilyName : "\(given) \(fullFamilyName)"
    }

    /// Age in whole years on `day`.
    public func age(on day: LocalDate) -> Int {
        let hadBirthday = (day.month, day.day) >= (birthDate.month, birthDate.day)
        return day.year - birthDate.year - (hadBirthday ? 0 : 1)
    }
}
