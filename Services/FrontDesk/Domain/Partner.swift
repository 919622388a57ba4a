public import Contracts

/// Partner op de sociale kaart: a partner organisation (to which requests are passed on) or a
/// general provision (algemene voorziening, about which the desk informs the citizen).
public struct Partner: Sendable, Hashable, Codable, Identifiable {
    /// Stable id, also the partner's broker user and part of its queue name.
    public var id: PartnerID
    /// Naam, e.g. `"MEE Gelderse Poort"`.
    public var name: String
    /// The municipality whose social map lists it (a regional partner is listed per municipality).
    public var municipality: MunicipalityCode
    /// Partner organisation or general provision.
    public var kind: PartnerKind
    /// The life domains it serves.
    public var categories: Set<LifeDomain>
    /// The districts (wijken) it serves; empty means the whole municipality.
    public var districts: Set<String>
    /// What it offers, in a sentence for staff.
    public var offer: String
    /// Its own warm-referral agreement; `nil` for the standard one.
    public var slaOverride: ReferralSLA?
    /// The queue its passed-on requests go to; `nil` for a general provision.
    public var queueName: String?
    /// `false` when it no longer takes requests (kept for history).
    public var isActive: Bool

    /// Creates a social-map entry.
    public init(
        id: PartnerID,
        name: String,
        municipality: MunicipalityCode,
        kind: PartnerKind = .partnerOrganisation,
        categories: Set<LifeDomain>,
        districts: Set<String> = [],
        offer: String = "",
        slaOverride: ReferralSLA? = nil,
        queueName: String? = nil,
        isActive: Bool = true
    ) {
        self.id = id
        self.name = name
        self.municipality = municipality
        self.kind = kind
        self.categories = categories
        self.districts = districts
        self.offer = offer
        self.slaOverride = slaOverride
        self.queueName = queueName
        self.isActive = isActive
    }

    /// `true` when requests can be passed on to it: an active partner organisation with a queue.
    public var canReceiveReferrals: Bool {
        isActive && kind == .partnerOrganisation && !(queueName?.isEmpty ?? true)
    }

    /// `true` when it serves the whole municipality rather than named districts.
    public var isMunicipalityWide: Bool { districts.isEmpty }

    /// `true` when `district` is one of its districts (ignoring case and surrounding spaces).
    public func serves(district: String) -> Bool {
        let wanted = SocialMap.districtKey(district)
        return districts.contains { SocialMap.districtKey($0) == wanted }
    }
}

/// Soort aanbieder.
public enum PartnerKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Partnerorganisatie: takes passed-on requests and contacts the citizen.
    case partnerOrganisation = "partner-organisation"
    /// Algemene voorziening: a provision open to everyone without an indication; the desk
    /// informs the citizen about it (route `answered`).
    case generalProvision = "general-provision"

    /// The Dutch label shown on the staff pages.
    public var dutchName: String {
        switch self {
        case .partnerOrganisation: "Partnerorganisatie"
        case .generalProvision: "Algemene voorziening"
        }
    }
}
