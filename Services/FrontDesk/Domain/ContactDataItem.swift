/// Gegeven: a piece of contact data a citizen may consent to share with a partner.
///
/// There is deliberately no item for the BSN, the birth date, the history or other requests
/// (SPEC P1): they can never be consented to, so they can never be passed on.
public enum ContactDataItem: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Naam: given names and family name.
    case name
    /// Telefoonnummer.
    case phone
    /// E-mailadres.
    case email
    /// Adres: street, house number, postcode and city.
    case address
    /// Contactvoorkeur: the preferred channel.
    case preferredChannel = "preferred-channel"
    /// Taal en tolk: the preferred language and whether an interpreter is needed.
    case language

    /// Items through which a partner can reach the citizen; a consent needs at least one.
    public static let reachability: Set<ContactDataItem> = [.phone, .email, .address]

    /// The Dutch label on the consent form.
    public var dutchName: String {
        switch self {
        case .name: "Naam"
        case .phone: "Telefoonnummer"
        case .email: "E-mailadres"
        case .address: "Adres"
        case .preferredChannel: "Contactvoorkeur"
        case .language: "Taal en tolkbehoefte"
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
