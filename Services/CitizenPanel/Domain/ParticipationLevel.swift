/// How far residents take part in a consultation (participatieladder, SPEC §6), told to every
/// respondent so that they know what the municipality does with their answer.
public enum ParticipationLevel: String, Sendable, Codable, CaseIterable {
    case inform, consult, advise
    case coProduce = "co-produce"
    case coDecide = "co-decide"

    public var dutchName: String {
        switch self {
        case .inform: "Informeren"
        case .consult: "Raadplegen"
        case .advise: "Adviseren"
        case .coProduce: "Coproduceren"
        case .coDecide: "Meebeslissen"
        }
    }

    /// What happens with the answers, in the respondent's words.
    public var promise: String {
        switch self {
        case .inform: "De gemeente informeert u over haar plannen en hoort graag of die duidelijk zijn."
        case .consult: "De gemeente vraagt uw mening; die weegt mee, de gemeenteraad beslist."
        case .advise: "Uw antwoorden worden een advies aan het college; wijkt het college daarvan af, dan legt het uit waarom."
        case .coProduce: "U denkt mee over de oplossing; de gemeente werkt de uitkomst samen met inwoners uit."
        case .coDecide: "De uitkomst van deze raadpleging neemt de gemeente over, binnen de grenzen die vooraf zijn gesteld."
        }
    }
}
