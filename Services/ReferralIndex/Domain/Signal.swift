public import Contracts
public import Foundation
public import WorkingDays

/// A signal (melding): one professional's worry about one young person, without the worry. It
/// holds the subject key, the parents' keys for family matching, the professional's contact,
/// whether they informed the young person, and the dates that end it (SPEC §5).
public struct Signal: Sendable, Equatable, Identifiable {
    public enum Status: String, Sendable, Codable {
        /// In the index and in matching.
        case active
        /// Withdrawn or removed: kept for accountability, invisible to matching.
        case removed
    }

    public let id: UUID
    public let municipality: MunicipalityCode
    public let subjectKey: SubjectKey
    public var parentKeys: [SubjectKey]
    /// The keyed address, kept only where the municipality matches on addresses.
    public var addressKey: SubjectKey?
    public let organisation: OrganisationKey
    public var professional: ProfessionalContact
    /// The date of birth, kept only while the signal is active (for the 23rd birthday).
    public var birthDate: LocalDate?
    public var informed: InformedStatus
    /// The organisation's own reference (its file number), so that its professionals recognise
    /// the signal; never a name or content.
    public var reference: String?
    public let registeredAt: Date
    /// The last registration by the same professional (the two years run from here).
    public var refreshedAt: Date
    /// The day the scheduled removal takes it out (`nil` once removed).
    public var removeOn: LocalDate?
    public var status: Status
    public var removal: SignalRemoval?
    public var removedAt: Date?
    /// The day the record is deleted (five years after removal).
    public var deleteOn: LocalDate?

    public init(
        id: UUID = UUID(),
        municipality: MunicipalityCode,
        subjectKey: SubjectKey,
        parentKeys: [SubjectKey],
        addressKey: SubjectKey? = nil,
        organisation: OrganisationKey,
        professional: ProfessionalContact,
        birthDate: LocalDate,
        informed: InformedStatus,
        reference: String? = nil,
        at now: Date,
        today: LocalDate
    ) {
        self.id = id
        self.reference = reference
        self.municipality = municipality
        self.subjectKey = subjectKey
        self.parentKeys = parentKeys
        self.addressKey = addressKey
        self.organisation = organisation
        self.professional = professional
        self.birthDate = birthDate
        self.informed = informed
        registeredAt = now
        refreshedAt = now
        removeOn = RemovalRules.removalDay(made: today, birthDate: birthDate)
        status = .active
        removal = nil
        removedAt = nil
        deleteOn = nil
    }

    /// A stored signal as it is.
    public init(
        id: UUID,
        municipality: MunicipalityCode,
        subjectKey: SubjectKey,
        parentKeys: [SubjectKey],
        addressKey: SubjectKey? = nil,
        organisation: OrganisationKey,
        professional: ProfessionalContact,
        birthDate: LocalDate?,
        informed: InformedStatus,
        reference: String? = nil,
        registeredAt: Date,
        refreshedAt: Date,
        removeOn: LocalDate?,
        status: Status,
        removal: SignalRemoval?,
        removedAt: Date?,
        deleteOn: LocalDate?
    ) {
        self.id = id
        self.municipality = municipality
        self.subjectKey = subjectKey
        self.parentKeys = parentKeys
        self.addressKey = addressKey
        self.organisation = organisation
        self.professional = professional
        self.birthDate = birthDate
        self.informed = informed
        self.reference = reference
        self.registeredAt = registeredAt
        self.refreshedAt = refreshedAt
        self.removeOn = removeOn
        self.status = status
        self.removal = removal
        self.removedAt = removedAt
        self.deleteOn = deleteOn
    }

    public var isActive: Bool { status == .active }

    /// The same professional signals the same young person again: the signal is made anew
    /// (contact, informed status and parents updated, two years from today), not duplicated.
    public mutating func refresh(
        professional: ProfessionalContact,
        parentKeys: [SubjectKey],
        addressKey: SubjectKey? = nil,
        informed: InformedStatus,
        reference: String? = nil,
        at now: Date,
        today: LocalDate
    ) {
        self.professional = professional
        if let addressKey { self.addressKey = addressKey }
        if let reference { self.reference = reference }
        self.parentKeys = Array(Set(self.parentKeys).union(parentKeys)).sorted { $0.bytes.lexicographicallyPrecedes($1.bytes) }
        self.informed = informed
        refreshedAt = now
        if let birthDate { removeOn = RemovalRules.removalDay(made: today, birthDate: birthDate) }
    }

    /// Takes the signal out of the index for `reason`; the record stays five years without the
    /// birth date.
    /// - Throws: `ReferralIndexError.signalNotActive` when it was removed already.
    public mutating func remove(_ reason: SignalRemoval, at now: Date, today: LocalDate) throws(ReferralIndexError) {
        guard isActive else { throw .signalNotActive }
        status = .removed
        removal = reason
        removedAt = now
        removeOn = nil
        birthDate = nil
        addressKey = nil
        deleteOn = RemovalRules.deletionDay(removed: today)
    }
}
