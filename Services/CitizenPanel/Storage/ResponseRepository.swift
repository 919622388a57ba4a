import Contracts
import Foundation
import Storage
import StoredVocabulary
import WorkingDays

/// Submitted questionnaires, without a link to the invitation or the person (see
/// `SubmittedResponse`); the scale answers as a JSON object by question id.
enum ResponseRepository {
    static func insert(_ response: SubmittedResponse, municipality: MunicipalityCode, in tx: Transaction) throws {
        var scale: [String: Int] = [:]
        for (question, answer) in response.answers {
            if case .scale(let value) = answer { scale[question] = value }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let answers = String(decoding: try encoder.encode(scale), as: UTF8.self)
        try tx.query(
            """
            INSERT INTO responses (id, municipality, survey_id, district, age_band, sex, submitted_on, answers)
            VALUES (\(UUID()), \(municipality.rawValue), \(response.surveyId), \(response.district), \(response.ageBand?.rawValue), \(response.sex),
                \(response.submittedOn.description)::date, \(answers)::jsonb)
            """
        )
    }

    static func count(surveyId: String, municipality: MunicipalityCode, in tx: Transaction) throws -> Int {
        try tx.query(
            "SELECT count(*)::integer AS n FROM responses WHERE municipality = \(municipality.rawValue) AND survey_id = \(surveyId)"
        ).single().decode(Int.self, "n")
    }

    /// One stored response as results need it.
    struct Stored: Sendable {
        var district: String?
        var ageBand: String?
        var sex: String?
        var scale: [String: Int]
    }

    /// The questions in the order of the columns `q0`… of `all` (a test holds them to the survey's).
    static let columns = ["access", "heard", "speed", "fit", "self-reliance", "quality-of-life"]

    /// Every response to `surveyId` of `municipality`, the scale answers read by the database
    /// (one column per question of the survey) rather than decoded row by row.
    static func all(surveyId: String, municipality: MunicipalityCode, in tx: Transaction) throws -> [Stored] {
        let questions = columns
        let rows = try tx.query(
            """
            SELECT district, age_band, sex, (answers ->> 'access')::integer AS q0, (answers ->> 'heard')::integer AS q1,
                (answers ->> 'speed')::integer AS q2, (answers ->> 'fit')::integer AS q3,
                (answers ->> 'self-reliance')::integer AS q4, (answers ->> 'quality-of-life')::integer AS q5
            FROM responses WHERE municipality = \(municipality.rawValue) AND survey_id = \(surveyId)
            """
        ).rows
        return try rows.map { row in
            var scale: [String: Int] = [:]
            for (index, question) in questions.enumerated() {
                if let value = try row.decodeIfPresent(Int.self, "q\(index)") { scale[question] = value }
            }
            return Stored(
                district: try row.decodeIfPresent(String.self, "district"),
                ageBand: try row.decodeIfPresent(String.self, "age_band"),
                sex: try row.decodeIfPresent(String.self, "sex"),
                scale: scale
            )
        }
    }

    /// The responses to `consultation`, the answers read for its questions' kinds (an answer
    /// that does not fit its question's kind is left out).
    static func consultationResponses(_ consultation: Consultation, in tx: Transaction) throws -> [SubmittedResponse] {
        let rows = try tx.query(
            """
            SELECT district, age_band, sex, submitted_on, answers::text AS answers FROM responses
            WHERE municipality = \(consultation.municipality) AND survey_id = \(consultation.id.uuidString.lowercased())
            """
        ).rows
        return try rows.map { row in
            let text = try row.decode(String.self, "answers")
            guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
                throw StorageError.decodingFailed(column: "answers", expected: "a JSON object", found: String(text.prefix(80)))
            }
            var answers: [String: SubmittedResponse.Answer] = [:]
            for question in consultation.questions {
                switch (question.kind, object[question.id]) {
                case (.scale, let value as Int): answers[question.id] = .scale(value)
                case (.singleChoice, let options as [String]), (.multipleChoice, let options as [String]): answers[question.id] = .choice(options)
                case (.statement, let stance as String): answers[question.id] = SubmittedResponse.Stance(rawValue: stance).map { .statement($0) }
                default: continue
                }
            }
            return SubmittedResponse(
                surveyId: consultation.id.uuidString.lowercased(),
                district: try row.decodeIfPresent(String.self, "district"),
                ageBand: try row.optionalValue(AgeBand.self, "age_band"),
                sex: try row.decodeIfPresent(String.self, "sex"),
                submittedOn: try row.localDate("submitted_on"),
                answers: answers
            )
        }
    }
}
