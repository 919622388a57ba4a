public import Contracts
import Foundation
import WorkingDays

/// A registration as the JSON API and the broker deliver it; `checked` turns it into what the
/// index may store (keys, not BSNs) or the first reason to refuse.
public struct SignalInput: Codable, Sendable {
    public var bsn: String
    public var birthDate: String
    public var parentBsns: [String]?
    /// The young person's address (used only where the municipality matches on addresses).
    public var address: SignalRegistered.Address?
    /// The professional who signals; a professional's own account fills it in when absent.
    public var professional: SignalRegistered.Professional?
    /// The organisation the caller believes it acts for (refused when it is not).
    public var organisation: String?
    public var youngPersonInformed: Bool
    public var parentsInformed: Bool?
    public var notInformedReason: String?
    public var reference: String?

    public init(
        bsn: String,
        birthDate: String,
        parentBsns: [String]? = nil,
        address: SignalRegistered.Address? = nil,
        professional: SignalRegistered.Professional? = nil,
        organisation: String? = nil,
        youngPersonInformed: Bool,
        parentsInformed: Bool? = nil,
        notInformedReason: String? = nil,
        reference: String? = nil
    ) {
        self.bsn = bsn
        self.birthDate = birthDate
        self.parentBsns = parentBsns
        self.address = address
        self.professional = professional
        self.organisation = organisation
        self.youngPersonInformed = youngPersonInformed
        self.parentsInformed = parentsInformed
        self.notInformedReason = notInformedReason
        self.reference = reference
    }

    /// The message from the broker as an input.
    public init(_ message: SignalRegistered) {
        self.init(
            bsn: message.bsn,
            birthDate: message.birthDate,
            parentBsns: message.parentBsns,
            address: message.address,
            professional: message.professional,
            organisation: message.organisation,
            youngPersonInformed: message.youngPersonInformed,
            parentsInformed: message.parentsInformed,
            notInformedReason: message.notInformedReason,
            reference: message.reference
        )
    }

    /// A file number or decision reference: 1-64 letters, digits and `/ . _ -`, so that no name,
    /// sentence or BSN-like free text enters the index through it.
    static func isPlainReference(_ text: String) -> Bool {
        (1...64).contains(text.count) && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "/._-".contains($0)) }
            && !(text.count >= 8 && text.allSatisfy(\.isNumber))
    }

    /// A registration that passed every check, with the BSNs already keyed.
    struct Checked: Sendable {
        var subject: SubjectKey
        var parents: [SubjectKey]
        /// The keyed address, when one was given and addresses are matched.
        var address: SubjectKey?
        var birthDate: LocalDate
        var professional: ProfessionalContact
        var informed: InformedStatus
        var reference: String?
    }

    /// Checks the input for `organisation` on `today` (eleven-test, age under 23, informed, contact).
    /// - Parameter fallback: the contact of the logged-in professional, used when none is given.
    /// - Throws: the first `ReferralIndexError`.
    func checked(
        organisation: OrganisationKey,
        fallback: ProfessionalContact?,
        keyer: SubjectKeyer,
        today: LocalDate,
        matchesAddresses: Bool = false
    ) throws(ReferralIndexError) -> Checked {
        if let claimed = self.organisation, claimed != organisation.description {
            throw .organisationMismatch(claimed: claimed, actual: organisation.description)
        }
        let bsn: BSN
        do { bsn = try BSN(self.bsn) } catch { throw .invalidBSN(field: "bsn", error) }
        guard let birth = LocalDate(iso: birthDate) else { throw .invalidBirthDate }
        try Eligibility.check(birthDate: birth, on: today)
        let parentTexts = parentBsns ?? []
        guard parentTexts.count <= 4 else { throw .tooManyParents }
        var parents: [SubjectKey] = []
        for text in parentTexts {
            do { parents.append(keyer.key(of: try BSN(text))) } catch { throw .invalidBSN(field: "parentBsns", error) }
        }
        let contact: ProfessionalContact
        if let given = professional {
            contact = try ProfessionalContact.checked(name: given.name, phone: given.phone, email: given.email)
        } else if let fallback {
            contact = fallback
        } else {
            throw .invalidContact(field: "professional", "give the professional's name, phone and e-mail")
        }
        var reason: NotInformedReason?
        if let text = notInformedReason {
            guard let known = NotInformedReason(rawValue: text) else { throw .notInformedReasonMissing }
            reason = known
        }
        let informed = InformedStatus(youngPerson: youngPersonInformed, parents: parentsInformed, reason: reason)
        try informed.check(age: Eligibility.age(bornOn: birth, on: today))
        if let reference, !Self.isPlainReference(reference) { throw .invalidParameter("reference") }
        var addressKey: SubjectKey?
        if let address {
            let normalised = try AddressKey.normalised(postcode: address.postcode, houseNumber: address.houseNumber)
            // Without the address rule the index has no use for it: nothing is kept.
            if matchesAddresses { addressKey = keyer.key(ofAddress: normalised) }
        }
        let subject = keyer.key(of: bsn)
        return Checked(
            subject: subject,
            parents: Array(Set(parents.filter { $0 != subject })).sorted { $0.bytes.lexicographicallyPrecedes($1.bytes) },
            address: addressKey,
            birthDate: birth,
            professional: contact,
            informed: informed,
            reference: reference
        )
    }
}
