/// Contactvoorkeur: how a person prefers to be contacted by the desk and its partners, and how
/// outgoing letters, e-mails and text messages (e.g. the survey invitation) are sent.
public enum ContactChannel: String, Sendable, Hashable, Codable, CaseIterable {
    /// Brief, to the postal address.
    case letter
    /// E-mail.
    case email
    /// Sms (text message) to the phone number.
    case sms
    /// Telefoon: a call.
    case phone

    /// The Dutch label shown on the staff pages.
    public var dutchName: String {
        switch self {
        case .letter: "Brief"
        case .email: "E-mail"
        case .sms: "Sms"
        case .phone: "Telefoon"
        }
    }
}
