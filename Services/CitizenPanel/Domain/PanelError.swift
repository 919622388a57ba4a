/// What the citizen panel refuses, with a message a respondent or researcher can act on.
public enum PanelError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The link's token is unknown, or was used already (the same message for both: a forged
    /// token learns nothing).
    case invitationInvalid
    /// The survey closed on this day.
    case surveyClosed(String)
    /// An answer outside the scale, or to a question the survey does not have.
    case answerOutOfRange(String)
    /// A background answer that is not one of the options.
    case invalidBackground(String)

    public var code: String {
        switch self {
        case .invitationInvalid: "invitation-invalid"
        case .surveyClosed: "survey-closed"
        case .answerOutOfRange: "answer-out-of-range"
        case .invalidBackground: "invalid-background"
        }
    }

    /// Dutch, for the respondent.
    public var message: String {
        switch self {
        case .invitationInvalid:
            "Deze link werkt niet (meer). Elke uitnodiging is één keer te gebruiken; heeft u de vragenlijst al ingevuld, dan is uw antwoord binnen."
        case .surveyClosed(let day): "Deze vragenlijst is op \(day) gesloten. Bedankt voor uw moeite."
        case .answerOutOfRange(let question): "Kies bij '\(question)' een antwoord van 1 tot en met 5."
        case .invalidBackground(let field): "Kies bij '\(field)' een van de mogelijkheden, of laat het leeg."
        }
    }

    public var description: String { "\(code): \(message)" }
}
