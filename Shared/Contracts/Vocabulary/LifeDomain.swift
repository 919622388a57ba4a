/// A life domain of the Self-Sufficiency Matrix (zelfredzaamheidsmatrix, ZRM), SPEC 7.1.
///
/// The list is versioned (`LifeDomain.listVersion`): the 2013 vision had eleven domains,
/// the current matrix thirteen. Messages carry the raw values.
public enum LifeDomain: String, Sendable, Hashable, Codable, CodingKeyRepresentable, CaseIterable {
    case finances
    case workAndEducation = "work-and-education"
    case timeUse = "time-use"
    case housing
    case domesticRelations = "domestic-relations"
    case mentalHealth = "mental-health"
    case physicalHealth = "physical-health"
    case substanceUse = "substance-use"
    case basicADL = "basic-adl"
    case instrumentalADL = "instrumental-adl"
    case socialNetwork = "social-network"
    case socialParticipation = "social-participation"
    case justice

    /// Version of this list of domains (ZRM with 13 domains).
    public static let listVersion = "zrm-13"

    /// The Dutch name shown to staff.
    public var dutchName: String {
        switch self {
        case .finances: "Financiën"
        case .workAndEducation: "Werk en opleiding"
        case .timeUse: "Tijdsbesteding (dagbesteding)"
        case .housing: "Huisvesting"
        case .domesticRelations: "Huiselijke relaties"
        case .mentalHealth: "Geestelijke gezondheid"
        case .physicalHealth: "Lichamelijke gezondheid"
        case .substanceUse: "Middelengebruik"
        case .basicADL: "Basale ADL"
        case .instrumentalADL: "Instrumentele ADL"
        case .socialNetwork: "Sociaal netwerk"
        case .socialParticipation: "Maatschappelijke participatie"
        case .justice: "Justitie"
        }
    }
}
