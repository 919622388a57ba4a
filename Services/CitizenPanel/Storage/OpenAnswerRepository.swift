import Foundation
import Storage
import WorkingDays

/// Open answers to consultations, kept apart from the responses they came with (so an open text
/// cannot be joined to the rest of someone's answers), each shown only once a moderator approved it.
enum OpenAnswerRepository {
    /// One open answer as a moderator or the results see it.
    struct Stored: Sendable, Equatable {
        var id: UUID
        var questionId: String
        var text: String
        var status: String
    }

    static func insert(consultation: UUID, question: String, text: String, in tx: Transaction) throws {
        try tx.query(
            "INSERT INTO open_answers (id, consultation_id, question_id, text) VALUES (\(UUID()), \(consultation), \(question), \(text))"
        )
    }

    /// The open answers to `consultation` with `status` (`pending`, `approved`, `rejected`), in
    /// the order of the questions (`q2` before `q10`).
    static func all(consultation: UUID, status: String, in tx: Transaction) throws -> [Stored] {
        try tx.query(
            """
            SELECT id, question_id, text, status FROM open_answers
            WHERE consultation_id = \(consultation) AND status = \(status) ORDER BY length(question_id), question_id, id
            """
        ).rows.map { row in
            Stored(
                id: try row.decode(UUID.self, "id"),
                questionId: try row.decode(String.self, "question_id"),
                text: try row.decode(String.self, "text"),
                status: try row.decode(String.self, "status")
            )
        }
    }

    /// Records the decision on the pending open answer `id` of a consultation of `municipality`
    /// that closed before `today`; `false` when there is none.
    static func moderate(
        _ id: UUID,
        municipality: String,
        _ moderation: Moderation,
        by researcher: Researcher,
        today: LocalDate,
        in tx: Transaction
    ) throws -> Bool {
        let status = moderation.decision == .approve ? "approved" : "rejected"
        return try tx.query(
            """
            UPDATE open_answers a SET status = \(status), reason = \(moderation.reason), moderated_by = \(researcher.username)
            FROM consultations c
            WHERE a.id = \(id) AND a.status = 'pending' AND c.id = a.consultation_id AND c.municipality = \(municipality)
                AND c.closes_on < \(today.description)::date
            """
        ).affectedRows == 1
    }
}
