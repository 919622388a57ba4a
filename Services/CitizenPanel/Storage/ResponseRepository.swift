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

    /// Every response to `surveyId` of `municipality`.
    static func all(surveyId: String, municipality: MunicipalityCode, in tx: Transaction) throws -> [Stored] {
        try tx.query(
            """
            SELECT district, age_band, sex, answers::text AS answers FROM responses
            WHERE municipality = \(municipality.rawValue) AND survey_id = \(surveyId)
            """
        ).rows.map { row in
            let text = try row.decode(String.self, "answers")
            guard let scale = try? JSONDecoder().decode([String: Int].self, from: Data(text.utf8)) else {
                throw StorageError.decodingFailed(column: "answers", expected: "scale answers as a JSON object", found: String(text.prefix(80)))
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
