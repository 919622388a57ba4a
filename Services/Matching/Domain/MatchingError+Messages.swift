import Contracts

extension MatchingError {
    /// A stable code for problem+json and dead letters (`urn:wmo:problem:<code>`).
    public var code: String {
        switch self {
        case .consentMissing: "consent-missing"
        case .unknownTask: "unknown-task"
        case .invalidAvailability: "invalid-availability"
        case .invalidCertificate: "invalid-certificate"
        case .invalidContact: "invalid-contact"
        case .unknownPostcode: "unknown-postcode"
        case .unknownDistrict: "unknown-district"
        case .outOfRange: "out-of-range"
        case .invalidLanguage: "invalid-language"
        case .invalidPause: "invalid-pause"
        case .identifyingText: "identifying-text"
        case .invalidText: "invalid-text"
        case .volunteerNotFound: "volunteer-not-found"
        case .carerNotFound: "carer-not-found"
        case .requestNotFound: "request-not-found"
        case .proposalNotFound: "proposal-not-found"
        case .proposalNotOpen: "proposal-not-open"
        case .matchNotAccepted: "match-not-accepted"
        case .matchNotRunning: "match-not-running"
        case .evaluationMissing: "evaluation-missing"
        case .requestNotOpen: "request-not-open"
        case .notYourVolunteer: "not-your-volunteer"
        case .notPermitted: "forbidden"
        case .linkNotValid: "link-not-valid"
        case .invalidParameter: "invalid-parameter"
        }
    }

    /// The HTTP status of the refusal.
    public var httpStatus: Int {
        switch self {
        case .volunteerNotFound, .carerNotFound, .requestNotFound, .proposalNotFound, .linkNotValid: 404
        case .notYourVolunteer, .notPermitted: 403
        case .proposalNotOpen, .matchNotAccepted, .matchNotRunning, .requestNotOpen: 409
        default: 422
        }
    }

    /// The input field the refusal is about.
    public var field: String? {
        switch self {
        case .consentMissing: "consent"
        case .unknownTask: "tasks"
        case .invalidAvailability(let field, _): field
        case .invalidCertificate: "certificate"
        case .invalidContact(let field, _): field
        case .unknownPostcode: "postcode"
        case .unknownDistrict: "district"
        case .outOfRange(let field, _): field
        case .invalidLanguage: "languages"
        case .invalidPause: "pauses"
        case .identifyingText(let field): field
        case .invalidText(let field, _): field
        case .evaluationMissing: "evaluation"
        default: nil
        }
    }

    /// The Dutch message for staff pages, problem+json and the answer page.
    public var message: String {
        switch self {
        case .consentMissing: "Vraag eerst toestemming om de gegevens te registreren en te gebruiken voor het koppelen."
        case .unknownTask(let task):
            "'\(task)' staat niet op de takenlijst. Kies uit: \(VolunteerTaskNames.list)."
        case .invalidAvailability(_, let slot):
            slot.isEmpty
                ? "Geef ten minste één dagdeel op (bijvoorbeeld monday-morning)."
                : "'\(slot)' is geen dagdeel; gebruik <weekdag>-<morning|afternoon|evening>, bijvoorbeeld monday-morning."
        case .invalidCertificate(let detail): "De VOG klopt niet: \(detail)."
        case .invalidContact(_, let detail): "Contactgegevens: \(detail)."
        case .unknownPostcode(let postcode):
            "Postcode '\(postcode)' ligt niet in een van de wijken van deze gemeente. Controleer de postcode."
        case .unknownDistrict(let district): "'\(district)' is geen wijk van deze gemeente."
        case .outOfRange(let field, let range): "\(field) moet tussen \(range.lowerBound) en \(range.upperBound) liggen."
        case .invalidLanguage(let language): "'\(language)' is geen taalcode; gebruik twee letters (nl, en, tr, ar, …)."
        case .invalidPause: "Een pauze eindigt niet vóór ze begint."
        case .identifyingText(let field):
            "Het veld \(field) bevat iets dat op een BSN of ander identificerend nummer lijkt. Haal dat weg: matching krijgt geen persoonsgegevens van cliënten."
        case .invalidText(let field, let range): "Vul \(field) in (\(range.lowerBound) tot \(range.upperBound) tekens)."
        case .volunteerNotFound: "Deze vrijwilliger bestaat niet (of hoort bij een andere gemeente)."
        case .carerNotFound: "Deze mantelzorger bestaat niet (of hoort bij een andere gemeente)."
        case .requestNotFound: "Dit verzoek bestaat niet (of hoort bij een andere gemeente)."
        case .proposalNotFound: "Dit voorstel bestaat niet (of hoort bij een andere gemeente)."
        case .proposalNotOpen(let status): "Op dit voorstel is al gereageerd (status: \(status)); er kan niet meer op geantwoord worden."
        case .matchNotAccepted(let status): "Alleen een geaccepteerde match kan starten (status: \(status))."
        case .matchNotRunning(let status): "Alleen een lopende match kan eindigen (status: \(status))."
        case .evaluationMissing: "Schrijf een korte evaluatie (1 tot 2000 tekens)."
        case .requestNotOpen(let status): "Dit verzoek staat niet meer open (status: \(status))."
        case .notYourVolunteer: "Deze vrijwilliger is door een andere organisatie ingeschreven."
        case .notPermitted(let what): "U mag dit niet: \(what)."
        case .linkNotValid: "Deze link is niet (meer) geldig. Neem contact op met de vrijwilligerscentrale."
        case .invalidParameter(let name): "De waarde van \(name) klopt niet."
        }
    }
}

/// The task list as refusals name it.
enum VolunteerTaskNames {
    static let list = Contracts.VolunteerTask.allCases.map(\.rawValue).joined(separator: ", ")
}
