/// Who a consultation asks (doelgroep, SPEC §6): all members, the members of one district, the
/// informal carers, or the clients.
public enum Audience: Sendable, Equatable, Hashable {
    case all
    case district(String)
    case carers
    case clients

    /// The stored and JSON form: `all`, `district`, `carers`, `clients` (the district apart).
    public var kind: String {
        switch self {
        case .all: "all"
        case .district: "district"
        case .carers: "carers"
        case .clients: "clients"
        }
    }

    public var district: String? {
        if case .district(let name) = self { return name }
        return nil
    }

    /// `nil` for an unknown kind or a district audience without a district.
    public init?(kind: String, district: String?) {
        switch kind {
        case "all": self = .all
        case "carers": self = .carers
        case "clients": self = .clients
        case "district":
            guard let district, !district.isEmpty else { return nil }
            self = .district(district)
        default: return nil
        }
    }

    /// Whether `member` belongs to the audience.
    public func includes(_ member: PanelMember) -> Bool {
        switch self {
        case .all: true
        case .district(let name): member.district == name
        case .carers: member.kind == .informalCarer
        case .clients: member.kind == .client
        }
    }

    public var dutchName: String {
        switch self {
        case .all: "Alle panelleden"
        case .district(let name): "Panelleden in \(name)"
        case .carers: "Mantelzorgers"
        case .clients: "Cliënten"
        }
    }
}
