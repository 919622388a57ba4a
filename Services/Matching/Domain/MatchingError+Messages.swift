extension MatchingError {
    /// A stable code for problem+json and dead letters (`urn:wmo:problem:<code>`).
    public var code: String {
        switch self {
        case .invalidAvailability: "invalid-availability"
        case .invalidCertificate: "invalid-certificate"
        case .invalidContact: "invalid-contact"
        case .invalidPause: "invalid-pause"
        case .identifyingText: "identifying-text"
        case .invalidText: "invalid-text"
        case .proposalNotOpen: "proposal-not-open"
        case .matchNotAccepted: "match-not-accepted"
        case .matchNotRunning: "match-not-running"
        case .evaluationMissing: "evaluation-missing"
        case .invalidParameter: "invalid-parameter"
        case .unknownPostcode: "unknown-postcode"
        case .unknownDistrict: "unknown-district"
        case .missingConsent: "missing-consent"
        case .invalidBurden: "invalid-burden"
        case .requestNotFound: "request-not-found"
        case .proposalNotFound: "proposal-not-found"
        case .volunteerNotFound: "volunteer-not-found"
        case .carerNotFound: "carer-not-found"
        case .notPermitted: "not-permitted"
        case .answerLinkInvalid: "answer-link-invalid"
        }
    }

    /// The Dutch message for staff pages, problem+json and the answer page.
    public var message: String {
        switch self {
        case .invalidAvailability(_, let slot):
            slot.isEmpty
                ? "Geef ten minste één dagdeel op (bijvoorbeeld monday-morning)."
                : "'\(slot)' is geen dagdeel; gebruik <weekdag>-<morning|afternoon|evening>, bijvoorbeeld monday-morning."
        case .invalidCertificate(let detail): "De VOG klopt niet: \(detail)."
        case .invalidContact(_, let detail): "Contactgegevens: \(detail)."
        case .invalidPause: "Een pauze eindigt niet vóór ze begint."
        case .identifyingText(let field):
            "Het veld \(field) bevat iets dat op een BSN lijkt. Haal dat weg: matching krijgt geen persoonsgegevens van cliënten."
        case .invalidText(let field, let range): "Vul \(field) in (\(range.lowerBound) tot \(range.upperBound) tekens)."
        case .proposalNotOpen(let status): "Op dit voorstel is al gereageerd (status: \(status)); er kan niet meer op geantwoord worden."
        case .matchNotAccepted(let status): "Alleen een geaccepteerde match kan starten (status: \(status))."
        case .matchNotRunning(let status): "Alleen een lopende match kan eindigen (status: \(status))."
        case .evaluationMissing: "Schrijf een korte evaluatie (1 tot 2000 tekens)."
        case .invalidParameter(let name): "De waarde van \(name) klopt niet."
        case .unknownPostcode(let postcode):
            "De postcode '\(postcode.prefix(12))' hoort bij geen wijk van deze gemeente. Geef een postcode als 6811 AB in de gemeente."
        case .unknownDistrict(let name): "De wijk '\(name.prefix(60))' kent matching niet in deze gemeente."
        case .missingConsent: "Leg vast wanneer de persoon toestemming gaf voor registratie (niet in de toekomst)."
        case .invalidBurden(let field):
            field == "burden"
                ? "De ervaren belasting is een getal van 0 (geen) tot 9 (overbelast)."
                : "Het aantal uren per week ligt tussen 0 en 168."
        case .requestNotFound: "Deze hulpvraag bestaat niet (of niet in uw gemeente)."
        case .proposalNotFound: "Dit voorstel bestaat niet (of niet in uw gemeente)."
        case .volunteerNotFound: "Deze vrijwilliger bestaat niet (of niet in uw gemeente)."
        case .carerNotFound: "Deze mantelzorger bestaat niet (of niet in uw gemeente)."
        case .notPermitted(let what): "U mag dit niet: \(what)."
        case .answerLinkInvalid: "Deze link is al gebruikt of bestaat niet. Neem contact op met de vrijwilligerscentrale of de gemeente."
        }
    }

    /// The HTTP status of the refusal.
    public var httpStatus: Int {
        switch self {
        case .requestNotFound, .proposalNotFound, .volunteerNotFound, .carerNotFound, .answerLinkInvalid: 404
        case .notPermitted: 403
        case .proposalNotOpen, .matchNotAccepted, .matchNotRunning: 409
        default: 422
        }
    }

    /// The input field the refusal belongs to, when one.
    public var field: String? {
        switch self {
        case .invalidAvailability(let field, _), .invalidContact(let field, _), .identifyingText(let field), .invalidText(let field, _),
            .invalidBurden(let field):
            field
        case .invalidCertificate: "certificate"
        case .invalidPause: "pauses"
        case .invalidParameter(let name): name
        case .unknownPostcode: "postcode"
        case .unknownDistrict: "district"
        case .missingConsent: "consentedAt"
        case .evaluationMissing: "evaluation"
        default: nil
        }
    }
}
