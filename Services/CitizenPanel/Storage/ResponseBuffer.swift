import Foundation
import Storage
import WorkingDays

/// Where a consultation's answers wait before they become responses (see the migration): the
/// submission writes here in the transaction that marks the link used; `flush` moves them on in
/// a transaction of its own, only once at least `SmallCells.minimum` wait (or all, once the
/// consultation closed), in random order, the open answers shuffled apart from the rest.
enum ResponseBuffer {
    static func insert(_ response: SubmittedResponse, consultation: UUID, in tx: Transaction) throws {
        var answers: [String: Any] = [:]
        var open: [[String: String]] = []
        for (question, answer) in response.answers {
            switch answer {
            case .scale(let value): answers[question] = value
            case .choice(let options): answers[question] = options
            case .statement(let stance): answers[question] = stance.rawValue
            case .text(let text): open.append(["question": question, "text": text])
            }
        }
        let json = String(decoding: try JSONSerialization.data(withJSONObject: answers, options: [.sortedKeys]), as: UTF8.self)
        let openJSON = String(decoding: try JSONSerialization.data(withJSONObject: open, options: [.sortedKeys]), as: UTF8.self)
        try tx.query(
            """
            INSERT INTO response_buffer (id, consultation_id, district, age_band, sex, submitted_on, answers, open_answers)
            VALUES (\(UUID()), \(consultation), \(response.district), \(response.ageBand?.rawValue), \(response.sex),
                \(response.submittedOn.description)::date, \(json)::jsonb, \(openJSON)::jsonb)
            """
        )
    }

    /// Moves the waiting answers of `consultation` (of `municipality`) when at least `minimum`
    /// wait; returns how many moved.
    @discardableResult
    static func flush(consultation: UUID, municipality: String, minimum: Int, in tx: Transaction) throws -> Int {
        // One flush at a time per consultation: a second waits, then finds the buffer empty.
        try tx.query("SELECT pg_advisory_xact_lock(hashtext(\(consultation.uuidString.lowercased())))")
        let waiting = try tx.query("SELECT count(*)::integer AS n FROM response_buffer WHERE consultation_id = \(consultation)").single()
            .decode(Int.self, "n")
        guard waiting > 0, waiting >= minimum else { return 0 }
        let rows = try tx.query(
            """
            DELETE FROM response_buffer WHERE consultation_id = \(consultation)
            RETURNING district, age_band, sex, submitted_on::text AS submitted_on, answers::text AS answers, open_answers::text AS open_answers
            """
        ).rows.shuffled()
        var open: [(question: String, text: String)] = []
        for row in rows {
            try tx.query(
                """
                INSERT INTO responses (id, municipality, survey_id, district, age_band, sex, submitted_on, answers)
                VALUES (\(UUID()), \(municipality), \(consultation.uuidString.lowercased()), \(try row.decodeIfPresent(String.self, "district")),
                    \(try row.decodeIfPresent(String.self, "age_band")), \(try row.decodeIfPresent(String.self, "sex")),
                    \(try row.decode(String.self, "submitted_on"))::date, \(try row.decode(String.self, "answers"))::jsonb)
                """
            )
            let text = try row.decode(String.self, "open_answers")
            guard let answers = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: String]] else {
                throw StorageError.decodingFailed(column: "open_answers", expected: "a JSON array of open answers", found: String(text.prefix(80)))
            }
            for answer in answers {
                guard let question = answer["question"], let text = answer["text"] else { continue }
                open.append((question, text))
            }
        }
        for answer in open.shuffled() {
            try OpenAnswerRepository.insert(consultation: consultation, question: answer.question, text: answer.text, in: tx)
        }
        return rows.count
    }

    /// The closed consultations (before `today`) that still have answers waiting or members
    /// linked to their invitations.
    static func closedWithTraces(before today: LocalDate, in tx: Transaction) throws -> [(id: UUID, municipality: String)] {
        try tx.query(
            """
            SELECT c.id, c.municipality FROM consultations c
            WHERE c.closes_on < \(today.description)::date
                AND (EXISTS (SELECT 1 FROM response_buffer b WHERE b.consultation_id = c.id)
                    OR EXISTS (SELECT 1 FROM round_invitations i WHERE i.consultation_id = c.id AND i.member_id IS NOT NULL))
            """
        ).rows.map { (try $0.decode(UUID.self, "id"), try $0.decode(String.self, "municipality")) }
    }

    /// Forgets which members were invited to `consultation`, now that it closed (nobody can answer
    /// or be reminded any more); the strata stay for the response rates.
    static func unlinkMembers(consultation: UUID, in tx: Transaction) throws {
        try tx.query("UPDATE round_invitations SET member_id = NULL WHERE consultation_id = \(consultation) AND member_id IS NOT NULL")
    }
}
