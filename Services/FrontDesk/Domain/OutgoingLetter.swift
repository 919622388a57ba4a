public import Contracts
public import Foundation

/// Uitgaande post: a letter, e-mail or text message the desk sends a citizen (a survey
/// invitation, a decision letter). Written to a table that a mail/SMS gateway drains; the
/// desk is the only place that knows where to send it (SPEC §6: the panel never learns who).
public struct OutgoingLetter: Sendable, Hashable, Codable, Identifiable {
    /// Id of the letter.
    public var id: UUID
    /// The municipality that sends it.
    public var municipality: MunicipalityCode
    /// The addressee.
    public var personID: UUID
    /// What it is.
    public var kind: Kind
    /// How it is sent.
    public var channel: ContactChannel
    /// Postal address, e-mail address or phone number, per channel.
    public var recipient: String
    /// Onderwerp.
    public var subject: String
    /// The text.
    public var body: String
    /// The message or decision that caused it (so a redelivery writes it once).
    public var sourceID: UUID?

    /// Creates a letter.
    public init(
        id: UUID = UUID(),
        municipality: MunicipalityCode,
        personID: UUID,
        kind: Kind,
        channel: ContactChannel,
        recipient: String,
        subject: String,
        body: String,
        sourceID: UUID? = nil
    ) {
        self.id = id
        self.municipality = municipality
        self.personID = personID
        self.kind = kind
        self.channel = channel
        self.recipient = recipient
        self.subject = subject
        self.body = body
        self.sourceID = sourceID
    }

    /// Soort post.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Uitnodiging cliëntervaringsonderzoek (citizen panel).
        case panelInvitation = "panel-invitation"
        /// Beschikking.
        case decisionLetter = "decision-letter"
    }

    /// The channel and recipient for `person`: the preferred channel when it can carry
    /// written text, otherwise the first of e-mail, sms, letter that the record allows (a
    /// preference for a phone call becomes a text message). `nil` when none can.
    public static func route(to person: Person) -> (ContactChannel, String)? {
        let email = person.email.nonBlank
        let phone = person.phone.nonBlank
        let address = person.address.map { "\(person.displayName), \($0.streetLine), \($0.cityLine)" }
        func target(_ channel: ContactChannel) -> (ContactChannel, String)? {
            switch channel {
            case .email: email.map { (.email, $0) }
            case .sms, .phone: phone.map { (.sms, $0) }
            case .letter: address.map { (.letter, $0) }
            }
        }
        return target(person.preferredChannel) ?? target(.email) ?? target(.sms) ?? target(.letter)
    }
}
