/// Product category of an individual provision (maatwerkvoorziening), SPEC 7.3.
public enum ProductCategory: String, Sendable, Hashable, Codable, CaseIterable {
    case householdHelp = "household-help"
    case support = "support"
    case dayActivities = "day-activities"
    case shortStay = "short-stay"
    case personalCare = "personal-care"
    case transport
    case aids
    case housingAdaptation = "housing-adaptation"
    case shelteredHousing = "sheltered-housing"

    /// The Dutch name used in letters and on the staff pages.
    public var dutchName: String {
        switch self {
        case .householdHelp: "Hulp bij het huishouden"
        case .support: "Begeleiding individueel"
        case .dayActivities: "Dagbesteding / begeleiding groep"
        case .shortStay: "Kortdurend verblijf"
        case .personalCare: "Persoonlijke verzorging"
        case .transport: "Vervoer"
        case .aids: "Hulpmiddelen"
        case .housingAdaptation: "Woningaanpassing"
        case .shelteredHousing: "Beschermd wonen"
        }
    }
}
