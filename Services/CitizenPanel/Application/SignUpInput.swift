import Contracts
import Foundation

/// The sign-up form (aanmelden voor het burgerpanel).
public struct SignUpInput: Sendable {
    public var kind: String?
    public var district: String?
    public var ageBand: String?
    public var sex: String?
    public var email: String?
    public var consent: Bool

    public init(kind: String?, district: String?, ageBand: String?, sex: String?, email: String?, consent: Bool) {
        self.kind = kind
        self.district = district
        self.ageBand = ageBand
        self.sex = sex
        self.email = email
        self.consent = consent
    }

    /// The checked member.
    /// - Throws: `PanelError.consentMissing`, or `.invalidSignUp` naming the first field that is
    ///   missing or not one of its options.
    /// `districts`: the municipality's districts in the reference figures; a member in another
    /// would never be drawn. Empty: any district name is taken.
    func member(municipality: MunicipalityCode, districts: Set<String>, now: Date) throws(PanelError) -> PanelMember {
        guard let kind = kind.flatMap(PanelMember.Kind.init(rawValue:)) else { throw .invalidSignUp(field: "kind", label: "Ik doe mee als") }
        let district = (district ?? "").trimmingCharacters(in: .whitespaces)
        guard (1...60).contains(district.count), district.allSatisfy({ $0.isLetter || $0.isNumber || " -'".contains($0) }),
            districts.isEmpty || districts.contains(district)
        else {
            throw .invalidSignUp(field: "district", label: "Wijk")
        }
        guard let band = ageBand.flatMap(AgeBand.init(rawValue:)) else { throw .invalidSignUp(field: "ageBand", label: "Leeftijd") }
        if let sex, !SatisfactionSurvey.sexes.contains(sex) { throw .invalidSignUp(field: "sex", label: "Geslacht") }
        let email = (email ?? "").trimmingCharacters(in: .whitespaces)
        let parts = email.split(separator: "@")
        guard email.count <= 200, parts.count == 2, parts[1].contains("."), !email.contains(" "),
            !email.unicodeScalars.contains(where: { $0.value < 32 })
        else { throw .invalidSignUp(field: "email", label: "E-mailadres") }
        guard consent else { throw .consentMissing }
        return PanelMember(
            municipality: municipality.rawValue,
            kind: kind,
            district: district,
            ageBand: band,
            sex: sex,
            email: email,
            consentedAt: now
        )
    }
}
