/// Kanaal: how a request reached the desk (SPEC §2); part of the figures on requests.
public enum IntakeChannel: String, Sendable, Hashable, Codable, CaseIterable {
    /// Balie: at the counter.
    case counter
    /// Telefoon.
    case phone
    /// Digitaal: the web form.
    case digital
    /// Brief: a letter.
    case letter
    /// Huisbezoek: a home visit asked for by the citizen.
    case homeVisit = "home-visit"
    /// Outreach (actief benaderen): a planned visit against non-take-up, counted per month.
    case outreach
    /// Signaal: a signal from a third party or professional.
    case signal
    /// Loketnetwerk: submitted by a partner's desk on the citizen's behalf
    /// (`partner.request.submitted`).
    case partnerDesk = "partner-desk"

    /// The Dutch label shown on the staff pages.
    public var dutchName: String {
        switch self {
        case .counter: "Balie"
        case .phone: "Telefoon"
        case .digital: "Digitaal"
        case .letter: "Brief"
        case .homeVisit: "Huisbezoek"
        case .outreach: "Outreach (actief benaderen)"
        case .signal: "Signaal"
        case .partnerDesk: "Loket van een partner"
        }
    }
}
