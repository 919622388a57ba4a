public import Contracts
public import Foundation
public import Storage

/// Gesprekken per hulpvraag.
public enum ConversationRepository {
    /// Stores a conversation.
    public static func insert(_ conversation: Conversation, municipality: MunicipalityCode, in tx: Transaction) throws {
        let participants = String(decoding: try JSONEncoder().encode(conversation.participants), as: UTF8.self)
        try tx.query(
            """
            INSERT INTO conversations (id, municipality, request_id, held_at, place, participants, clarified_question,
                own_strength, needed, intended_result, recorded_by, recorded_at)
            VALUES (\(conversation.id), \(municipality.rawValue), \(conversation.requestID), \(conversation.heldAt),
                \(conversation.place.rawValue), \(participants)::jsonb, \(conversation.clarifiedQuestion),
                \(conversation.ownStrength), \(conversation.needed), \(conversation.intendedResult),
                \(conversation.recordedBy.rawValue), \(conversation.recordedAt))
            """
        )
    }

    /// The conversations about a request, in the order they were held.
    public static func conversations(
        forRequest requestID: UUID,
        municipality: MunicipalityCode,
        in tx: Transaction
    )
        throws -> [Conversation]
    {
        try tx.query(
            """
            SELECT id, request_id, held_at, place, participants, clarified_question, own_strength, needed,
                intended_result, recorded_by, recorded_at
            FROM conversations WHERE request_id = \(requestID) AND municipality = \(municipality.rawValue) ORDER BY held_at
            """
        ).rows.map { row in
            Conversation(
                id: try row.decode(UUID.self, "id"),
                requestID: try row.decode(UUID.self, "request_id"),
                heldAt: try row.decode(Date.self, "held_at"),
                place: try row.value(ConversationPlace.self, "place"),
                participants: try JSONDecoder().decode(
                    [Conversation.Participant].self,
                    from: Data(try row.decode(String.self, "participants").utf8)
                ),
                clarifiedQuestion: try row.decodeIfPresent(String.self, "clarified_question"),
                ownStrength: try row.decodeIfPresent(String.self, "own_strength"),
                needed: try row.decodeIfPresent(String.self, "needed"),
                intendedResult: try row.decodeIfPresent(String.self, "intended_result"),
                recordedBy: StaffID(try row.decode(String.self, "recorded_by")),
                recordedAt: try row.decode(Date.self, "recorded_at")
            )
        }
    }
}
