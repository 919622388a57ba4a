import Contracts
import Foundation
import ReferralIndex
import WorkingDays

/// Shared values of the referral index's unit tests.
enum Examples {
    static let keyer = SubjectKeyer(secret: Data("0123456789abcdef0123456789abcdef".utf8))!
    static let jeugdzorg = OrganisationKey(municipality: .arnhem, id: "jeugdzorg")
    static let school = OrganisationKey(municipality: .arnhem, id: "school")
    static let politie = OrganisationKey(municipality: .arnhem, id: "politie")
    static let now = Date(timeIntervalSince1970: 1_796_000_000)
    static let today = LocalDate(year: 2026, month: 12, day: 7)!

    static func key(_ bsn: String) -> SubjectKey { keyer.key(of: try! BSN(bsn)) }

    static func signal(
        _ bsn: String,
        by organisation: OrganisationKey,
        email: String = "a@b.nl",
        parents: [String] = [],
        born: LocalDate = LocalDate(year: 2012, month: 5, day: 1)!
    ) -> Signal {
        Signal(
            municipality: .arnhem,
            subjectKey: key(bsn),
            parentKeys: parents.map(key),
            organisation: organisation,
            professional: ProfessionalContact(name: "Pro", phone: "0261234567", email: email),
            birthDate: born,
            informed: InformedStatus(youngPerson: true, parents: true),
            at: now,
            today: today
        )
    }
}
