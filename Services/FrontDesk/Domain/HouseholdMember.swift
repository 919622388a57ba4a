public import Foundation

/// Gezinslid / huishoudlid: a registered person who belongs to a household, and how.
public struct HouseholdMember: Sendable, Hashable, Codable {
    /// The `Person.id` of the member.
    public var personID: UUID
    /// Their relation to the principal member.
    public var relation: HouseholdRelation

    /// Creates a member entry.
    public init(personID: UUID, relation: HouseholdRelation) {
        self.personID = personID
        self.relation = relation
    }
}

/// Relatie: how a member relates to the household's principal member (the citizen who asked).
public enum HouseholdRelation: String, Sendable, Hashable, Codable, CaseIterable {
    /// Hoofdpersoon: the citizen the household is registered around (stored as `self`).
    case principal = "self"
    /// Partner (echtgenoot, geregistreerd partner, samenwonend).
    case partner
    /// Kind.
    case child
    /// Ouder.
    case parent
    /// Overig: another member of the household (e.g. a sibling or lodger).
    case other

    /// The Dutch label shown on the staff pages.
    public var dutchName: String {
        switch self {
        case .principal: "Hoofdpersoon"
        case .partner: "Partner"
        case .child: "Kind"
        case .parent: "Ouder"
        case .other: "Overig"
        }
    }
}
