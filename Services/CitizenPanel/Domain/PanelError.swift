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
    /// Results are shown only after the survey closed (on this day).
    case resultsNotYet(String)
    /// A questionnaire sent without any answer.
    case noAnswers
    /// A sign-up without the consent to be invited.
    case consentMissing
    /// A sign-up field that is missing or not one of its options (the field's name).
    case invalidSignUp(field: String, label: String)
    /// The leave link is unknown (the member left already, or it was mistyped).
    case memberNotFound

    public var code: String {
        switch self {
        case .invitationInvalid: "invitation-invalid"
        case .surveyClosed: "survey-closed"
        case .answerOutOfRange: "answer-out-of-range"
        case .invalidBackground: "invalid-background"
        case .resultsNotYet: "results-not-yet"
        case .noAnswers: "no-answers"
        case .consentMissing: "consent-missing"
        case .invalidSignUp: "invalid-sign-up"
        case .memberNotFound: "member-not-found"
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
        case .resultsNotYet(let day):
            "De vragenlijst sluit op \(day). Niemand ziet de uitkomsten eerder, zodat niemand de antwoorden kan beïnvloeden."
        case .noAnswers: "U heeft nog geen enkele vraag beantwoord. Beantwoord er ten minste één; de rest mag leeg blijven."
        case .consentMissing: "Vink aan dat u toestemming geeft: zonder toestemming mogen we u niet uitnodigen."
        case .invalidSignUp(_, let label): "Vul '\(label)' in, of kies een van de mogelijkheden."
        case .memberNotFound: "Deze afmeldlink werkt niet (meer). Bent u al afgemeld, dan staan uw gegevens niet meer bij ons."
        }
    }

    /// 404 for a link that does not work, 409 for the survey's state, 422 for answers.
    public var httpStatus: Int {
        switch self {
        case .invitationInvalid, .memberNotFound: 404
        case .surveyClosed, .resultsNotYet: 409
        case .answerOutOfRange, .invalidBackground, .noAnswers, .consentMissing, .invalidSignUp: 422
        }
    }

    public var description: String { "\(code): \(message)" }
}
