public import Contracts

/// Sociale kaart: the partners and general provisions of a municipality by district, which
/// drives the routing suggestions at the desk (SPEC §2).
public struct SocialMap: Sendable, Hashable, Codable {
    /// Every entry, of any municipality; lookups filter by municipality (SPEC P6).
    public var partners: [Partner]

    /// Creates a social map.
    public init(partners: [Partner]) { self.partners = partners }

    /// The partner with `id` in `municipality`.
    /// - Throws: `.unknownPartner` when there is none (or it belongs to another municipality).
    public func partner(_ id: PartnerID, in municipality: MunicipalityCode) throws(FrontDeskError) -> Partner {
        guard let partner = partners.first(where: { $0.id == id && $0.municipality == municipality }) else {
            throw .unknownPartner(id)
        }
        return partner
    }

    /// Ranked suggestions for a request with `categories` from someone in `district`.
    ///
    /// Only active entries of `municipality` that serve at least one of the categories, and
    /// either the district or the whole municipality. Ranking: entries that name the district
    /// first, then municipality-wide ones; within each, more matching categories first, then
    /// partner organisations before general provisions, then by name.
    /// - Parameters:
    ///   - district: the citizen's district; when `nil`, only municipality-wide entries qualify.
    ///   - kind: restricts to one kind (e.g. `.partnerOrganisation` for the pass-on form).
    public func suggestions(
        for categories: some Collection<LifeDomain>,
        district: String?,
        in municipality: MunicipalityCode,
        kind: PartnerKind? = nil
    ) -> [Suggestion] {
        let wanted = Set(categories)
        var result: [Suggestion] = []
        for partner in partners where partner.isActive && partner.municipality == municipality {
            if let kind, partner.kind != kind { continue }
            let matched = partner.categories.intersection(wanted)
            guard !matched.isEmpty else { continue }
            let scope: Suggestion.Scope
            if let district, partner.serves(district: district) {
                scope = .district
            } else if partner.isMunicipalityWide {
                scope = .municipality
            } else {
                continue
            }
            result.append(Suggestion(partner: partner, matchedCategories: matched, scope: scope))
        }
        return result.sorted(by: Suggestion.ranksBefore)
    }

    /// Case- and space-insensitive key for comparing district names.
    static func districtKey(_ name: String) -> String { name.trimmingWhitespace().lowercased() }
}

/// Suggestie: a partner suggested for a request, with why.
public struct Suggestion: Sendable, Hashable {
    /// The suggested entry.
    public var partner: Partner
    /// The request's life domains it serves.
    public var matchedCategories: Set<LifeDomain>
    /// Whether it was found for the district or municipality-wide.
    public var scope: Scope

    /// How the suggestion matched the citizen's location.
    public enum Scope: String, Sendable, Hashable, Codable {
        /// It serves the citizen's district by name.
        case district
        /// It serves the whole municipality.
        case municipality
    }

    static func ranksBefore(_ a: Suggestion, _ b: Suggestion) -> Bool {
        if a.scope != b.scope { return a.scope == .district }
        if a.matchedCategories.count != b.matchedCategories.count {
            return a.matchedCategories.count > b.matchedCategories.count
        }
        if a.partner.kind != b.partner.kind { return a.partner.kind == .partnerOrganisation }
        if a.partner.name != b.partner.name { return a.partner.name < b.partner.name }
        return a.partner.id < b.partner.id
    }
}
