public import Foundation
public import Storage
import StoredVocabulary

/// Uitgaande post: letters, e-mails and text messages waiting for the gateway.
public enum LetterRepository {
    /// Stores `letter` once per `sourceID` (a redelivered message writes nothing); returns
    /// `false` when it was already there.
    @discardableResult
    public static func insert(_ letter: OutgoingLetter, in tx: Transaction) throws -> Bool {
        try tx.query(
            """
            INSERT INTO outgoing_letters (id, municipality, person_id, kind, channel, recipient, subject, body, source_id)
            VALUES (\(letter.id), \(letter.municipality.rawValue), \(letter.personID), \(letter.kind.rawValue),
                \(letter.channel.rawValue), \(letter.recipient), \(letter.subject), \(letter.body), \(letter.sourceID))
            ON CONFLICT (source_id) DO NOTHING
            """
        ).affectedRows == 1
    }

    /// The letters to a person, newest first.
    public static func letters(personID: UUID, in tx: Transaction) throws -> [OutgoingLetter] {
        try tx.query(
            """
            SELECT id, municipality, person_id, kind, channel, recipient, subject, body, source_id
            FROM outgoing_letters WHERE person_id = \(personID) ORDER BY created_at DESC
            """
        ).rows.map { row in
            OutgoingLetter(
                id: try row.decode(UUID.self, "id"),
                municipality: try row.municipality(),
                personID: try row.decode(UUID.self, "person_id"),
                kind: try row.value(OutgoingLetter.Kind.self, "kind"),
                channel: try row.value(ContactChannel.self, "channel"),
                recipient: try row.decode(String.self, "recipient"),
                subject: try row.decode(String.self, "subject"),
                body: try row.decode(String.self, "body"),
                sourceID: try row.decodeIfPresent(UUID.self, "source_id")
            )
        }
    }
}
