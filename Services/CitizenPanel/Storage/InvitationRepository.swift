import Contracts
import Crypto
import Foundation
import Storage
import WorkingDays

/// The satisfaction survey's invitations: who was invited to which year's survey (by subjectRef,
/// so that nobody is asked twice), and apart from that the open one-time links (SHA-256 of the
/// token, with the survey and district only), deleted when used.
enum InvitationRepository {
    /// An open link as the questionnaire needs it.
    struct Open: Sendable {
        var municipality: MunicipalityCode
        var surveyId: String
        var district: String?
    }

    /// Records the invitation and its open link, unless `subject` was invited to `surveyId`
    /// before (`false`).
    static func insert(
        id: UUID,
        municipality: MunicipalityCode,
        surveyId: String,
        subject: SubjectRef,
        district: String?,
        token: String,
        on day: LocalDate,
        in tx: Transaction
    ) throws -> Bool {
        let invited =
            try tx.query(
                """
                INSERT INTO invited (id, municipality, survey_id, subject_ref, invited_on)
                VALUES (\(id), \(municipality.rawValue), \(surveyId), \(subject.rawValue), \(day.description)::date)
                ON CONFLICT (municipality, survey_id, subject_ref) DO NOTHING
                """
            ).affectedRows == 1
        guard invited else { return false }
        try tx.query(
            """
            INSERT INTO open_links (token_hash, municipality, survey_id, district)
            VALUES (\(hash(token)), \(municipality.rawValue), \(surveyId), \(district))
            """
        )
        return true
    }

    /// The open link with `token`.
    static func open(token: String, in tx: Transaction) throws -> Open? {
        try tx.query("SELECT municipality, survey_id, district FROM open_links WHERE token_hash = \(hash(token))").rows.first.map(open)
    }

    /// Takes the open link with `token` out (a second use finds nothing): returns what it was.
    static func use(token: String, in tx: Transaction) throws -> Open? {
        try tx.query("DELETE FROM open_links WHERE token_hash = \(hash(token)) RETURNING municipality, survey_id, district").rows.first
            .map(open)
    }

    static func open(_ row: Row) throws -> Open {
        guard let municipality = MunicipalityCode(try row.decode(String.self, "municipality")) else {
            throw StorageError.decodingFailed(column: "municipality", expected: "a municipality code", found: nil)
        }
        return Open(
            municipality: municipality,
            surveyId: try row.decode(String.self, "survey_id"),
            district: try row.decodeIfPresent(String.self, "district")
        )
    }

    static func hash(_ token: String) -> Data { Data(SHA256.hash(data: Data(token.utf8))) }
}
