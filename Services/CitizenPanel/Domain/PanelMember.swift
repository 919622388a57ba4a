public import Foundation

/// A member of the citizen panel (panellid, SPEC §6): a resident, client, informal carer or an
/// organisation's representative who signed up with their own consent to be invited. Only what
/// drawing a representative round needs (district, age band, sex, kind) and an e-mail address for
/// the invitations; leaving removes all of it, while answers given before stay, unlinked.
public struct PanelMember: Sendable, Equatable {
    /// Who the member is in the panel.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case resident, client
        case informalCarer = "informal-carer"
        case representative

        public var dutchName: String {
            switch self {
            case .resident: "Inwoner"
            case .client: "Cliënt van de gemeente"
            case .informalCarer: "Mantelzorger"
            case .representative: "Vertegenwoordiger van een organisatie"
            }
        }
    }

    public let id: UUID
    public var municipality: String
    public var kind: Kind
    public var district: String
    public var ageBand: AgeBand
    /// `female`, `male`, `other`, or absent.
    public var sex: String?
    public var email: String
    public var consentedAt: Date

    public init(
        id: UUID = UUID(),
        municipality: String,
        kind: Kind,
        district: String,
        ageBand: AgeBand,
        sex: String?,
        email: String,
        consentedAt: Date
    ) {
        self.id = id
        self.municipality = municipality
        self.kind = kind
        self.district = district
        self.ageBand = ageBand
        self.sex = sex
        self.email = email
        self.consentedAt = consentedAt
    }

    public var stratum: Stratum { Stratum(district: district, ageBand: ageBand) }
}
