extension ReferralIndexError {
    /// A stable code for problem+json and the audit (`urn:wmo:problem:<code>`).
    public var code: String {
        switch self {
        case .invalidBSN: "invalid-bsn"
        case .invalidBirthDate: "invalid-birth-date"
        case .birthDateInFuture: "birth-date-in-future"
        case .tooOld: "too-old"
        case .birthDateMismatch: "birth-date-mismatch"
        case .invalidContact: "invalid-contact"
        case .notInformedReasonMissing: "not-informed-reason-missing"
        case .parentsInformedMissing: "parents-informed-missing"
        case .invalidAddress: "invalid-address"
        case .tooManyParents: "too-many-parents"
        case .organisationNotAuthorised: "organisation-not-authorised"
        case .organisationMismatch: "organisation-mismatch"
        case .signalNotFound: "signal-not-found"
        case .notYourSignal: "not-your-signal"
        case .signalNotActive: "signal-not-active"
        case .matchNotFound: "match-not-found"
        case .centralContactNotOnMatch: "central-contact-not-on-match"
        case .notPermitted: "forbidden"
        case .switchedOff: "switched-off"
        case .confirmationMissing: "confirmation-missing"
        case .invalidParameter: "invalid-parameter"
        }
    }

    /// The HTTP status of the refusal.
    public var httpStatus: Int {
        switch self {
        case .signalNotFound, .matchNotFound: 404
        case .notYourSignal, .notPermitted, .organisationNotAuthorised, .organisationMismatch: 403
        case .signalNotActive, .birthDateMismatch, .switchedOff: 409
        default: 422
        }
    }

    /// The input field the refusal is about (shown next to it on a form).
    public var field: String? {
        switch self {
        case .invalidBSN(let field, _): field
        case .invalidBirthDate, .birthDateInFuture, .tooOld, .birthDateMismatch: "birthDate"
        case .invalidContact(let field, _): field
        case .notInformedReasonMissing: "notInformedReason"
        case .parentsInformedMissing: "parentsInformed"
        case .invalidAddress(let field): field
        case .tooManyParents: "parentBsns"
        case .organisationMismatch: "organisation"
        case .centralContactNotOnMatch: "centralContactSignalId"
        case .confirmationMissing: "confirm"
        case .invalidParameter(let name): name
        default: nil
        }
    }

    /// The message for the professional, in Dutch.
    public var message: String {
        switch self {
        case .invalidBSN(let field, let problem):
            (field == "bsn" ? "Het BSN" : "Een BSN van een ouder")
                + (problem == .elevenTestFailed ? " klopt niet (elfproef). Controleer de negen cijfers." : " is geen BSN van negen cijfers.")
        case .invalidBirthDate: "Vul de geboortedatum in als dag-maand-jaar."
        case .birthDateInFuture: "De geboortedatum ligt in de toekomst."
        case .tooOld: "De jongere is 23 jaar of ouder. De verwijsindex is voor jongeren tot 23 jaar."
        case .birthDateMismatch:
            "Bij dit BSN staat een andere geboortedatum. Controleer beide in de basisregistratie; de melding wordt niet samengevoegd."
        case .invalidContact(let field, _):
            switch field {
            case let name where name.hasSuffix("phone"): "Vul een telefoonnummer in waarop collega's u bereiken."
            case let name where name.hasSuffix("email"): "Vul een e-mailadres in (naam@organisatie.nl)."
            default: "Vul de naam, het telefoonnummer en het e-mailadres van de professional in."
            }
        case .notInformedReasonMissing: "Kies waarom de jongere of de ouders niet zijn geïnformeerd."
        case .parentsInformedMissing: "De jongere is jonger dan 16: geef aan of de ouders zijn geïnformeerd."
        case .invalidAddress: "Vul een postcode (1234 AB) en een huisnummer (12 of 12a) in."
        case .tooManyParents: "Geef hoogstens vier ouders op."
        case .organisationNotAuthorised: "Uw organisatie is niet meldingsbevoegd in deze gemeente. Neem contact op met de gemeente."
        case .organisationMismatch: "U meldt alleen namens uw eigen organisatie."
        case .signalNotFound: "Deze melding bestaat niet of is niet van uw organisatie."
        case .notYourSignal: "Deze melding is van een andere professional; die trekt haar in."
        case .signalNotActive: "Deze melding is al ingetrokken of verwijderd."
        case .matchNotFound: "Deze match bestaat niet of u heeft er geen melding in."
        case .centralContactNotOnMatch: "Kies als regievoerder een professional met een melding in deze match."
        case .notPermitted(let what): "Uw rol mag dit niet (\(what))."
        case .switchedOff: "De verwijsindex van deze gemeente is uitgezet."
        case .confirmationMissing: "Typ de viercijferige gemeentecode om de verwijsindex uit te zetten en te legen."
        case .invalidParameter: "Deze waarde heeft niet de verwachte vorm."
        }
    }
}
