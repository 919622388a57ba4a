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
        }
    }
}
