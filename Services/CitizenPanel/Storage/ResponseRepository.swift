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
}
