/// Why a volunteer is not eligible for a request; counted to explain a failed match.
public enum Exclusion: String, Error, Sendable, Hashable, Codable, CaseIterable {
    case inactive
    case otherMunicipality = "other-municipality"
    case taskNotOffered = "task-not-offered"
    case paused
    case fullyBooked = "fully-booked"
    case certificateMissing = "certificate-missing"
    case tooFar = "too-far"
    case notAvailable = "not-available"
    case declinedBefore = "declined-before"

    /// The reason as the coordinator and the asker read it.
    public var dutchName: String {
        switch self {
        case .inactive: "niet meer actief"
        case .otherMunicipality: "andere gemeente"
        case .taskNotOffered: "biedt deze taak niet aan"
        case .paused: "pauzeert"
        case .fullyBooked: "heeft het maximum aantal matches"
        case .certificateMissing: "geen geldige VOG terwijl die nodig is"
        case .tooFar: "woont verder dan de eigen maximale reisafstand"
        case .notAvailable: "niet beschikbaar op de gevraagde dagdelen"
        case .declinedBefore: "wees dit verzoek al af"
        }
    }
}
