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
    /// An answer to a consultation's question that is not one of its options (the question).
    case answerInvalid(String)
    /// A consultation that cannot be put to the panel as written (the field and what it needs).
    case invalidConsultation(field: String, problem: String)
    /// No consultation with this id for the researcher's municipality.
    case consultationNotFound
    /// A round cannot be drawn (why).
    case roundNotPossible(String)
    /// A proposed statement under 10 or over 300 characters.
    case invalidProposal
    /// The member has `StatementProposal.maximumPending` proposals waiting already.
    case tooManyProposals
    /// No open answer or proposal with this id waiting for moderation in the municipality.
    case nothingToModerate
    /// A rejection without a reason, or a reason that is too long.
    case invalidModeration

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
        case .answerInvalid: "answer-invalid"
        case .invalidConsultation: "invalid-consultation"
        case .consultationNotFound: "consultation-not-found"
        case .roundNotPossible: "round-not-possible"
        case .invalidProposal: "invalid-proposal"
        case .tooManyProposals: "too-many-proposals"
        case .nothingToModerate: "nothing-to-moderate"
        case .invalidModeration: "invalid-moderation"
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
        case .answerInvalid(let question): "Kies bij '\(question)' een van de mogelijkheden (een open antwoord: ten hoogste 2000 tekens)."
        case .invalidConsultation(let field, let problem): "'\(field)' klopt niet: \(problem)."
        case .consultationNotFound: "Deze raadpleging bestaat niet in uw gemeente."
        case .roundNotPossible(let why): "Er kan geen ronde worden getrokken: \(why)."
        case .invalidProposal: "Schrijf uw stelling in 10 tot 300 tekens."
        case .tooManyProposals:
            "U heeft al \(StatementProposal.maximumPending) stellingen voorgesteld die nog worden beoordeeld. Wacht op het oordeel en stel er dan weer een voor."
        case .nothingToModerate: "Er wacht niets met dit nummer op beoordeling in uw gemeente."
        case .invalidModeration: "Geef bij een afwijzing de reden (ten hoogste 500 tekens)."
        }
    }

    /// 404 for a link or id that does not work, 409 for the survey's state, 422 for answers and drafts.
    public var httpStatus: Int {
        switch self {
        case .invitationInvalid, .memberNotFound, .consultationNotFound, .nothingToModerate: 404
        case .surveyClosed, .resultsNotYet, .roundNotPossible, .tooManyProposals: 409
        case .answerOutOfRange, .invalidBackground, .noAnswers, .consentMissing, .invalidSignUp, .answerInvalid, .invalidConsultation,
            .invalidProposal, .invalidModeration:
            422
        }
    }

    public var description: String { "\(code): \(message)" }
}
