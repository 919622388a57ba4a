import Contracts
import Foundation
import Storage
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

    /// Every answer to scale question `question` of `surveyId`, with the respondent's district.
    static func scaleAnswers(
        surveyId: String,
        question: String,
        municipality: MunicipalityCode,
        in tx: Transaction
    ) throws -> [(value: Int, district: String?)] {
        try tx.query(
            """
            SELECT (answers ->> \(question)::text)::integer AS value, district FROM responses
            WHERE municipality = \(municipality.rawValue) AND survey_id = \(surveyId) AND answers ? \(question)::text
            """
        ).rows.map { row in (try row.decode(Int.self, "value"), try row.decodeIfPresent(String.self, "district")) }
    }

    static func count(surveyId: String, municipality: MunicipalityCode, in tx: Transaction) throws -> Int {
        try tx.query(
            "SELECT count(*)::integer AS n FROM responses WHERE municipality = \(municipality.rawValue) AND survey_id = \(surveyId)"
        ).single().decode(Int.self, "n")
    }
}
