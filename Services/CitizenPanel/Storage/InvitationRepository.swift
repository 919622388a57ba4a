import Contracts
import Crypto
import Foundation
import Storage
import WorkingDays

/// The satisfaction survey's invitations: who was invited to which year's survey (by subjectRef,
/// so that nobody is asked twice), with the one-time token as SHA-256 only.
enum InvitationRepository {
    /// An invitation as the questionnaire page needs it.
    struct Open: Sendable {
        var municipality: MunicipalityCode
        var surveyId: String
        var district: String?
    }

    /// Stores an invitation unless `subject` was invited to `surveyId` before (`false`).
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
        try tx.query(
            """
            INSERT INTO invitations (id, municipality, survey_id, subject_ref, district, token_hash, invited_on)
            VALUES (\(id), \(municipality.rawValue), \(surveyId), \(subject.rawValue), \(district), \(hash(token)), \(day.description)::date)
            ON CONFLICT (municipality, survey_id, subject_ref) DO NOTHING
            """
        ).affectedRows == 1
    }

    /// The unused invitation with `token`; `lock` holds it until the answer is stored.
    static func open(token: String, lock: Bool = false, in tx: Transaction) throws -> Open? {
        let suffix = SQLFragment(lock ? "FOR UPDATE" : "")
        return try tx.query(
            "SELECT municipality, survey_id, district FROM invitations WHERE token_hash = \(hash(token)) AND NOT used \(suffix)"
        ).rows.first.map { row in
            guard let municipality = MunicipalityCode(try row.decode(String.self, "municipality")) else {
                throw StorageError.decodingFailed(column: "municipality", expected: "a municipality code", found: nil)
            }
            return Open(
                municipality: municipality,
                surveyId: try row.decode(String.self, "survey_id"),
                district: try row.decodeIfPresent(String.self, "district")
            )
        }
    }

    /// Marks the invitation with `token` used: only that, no time and no link to the response.
    static func markUsed(token: String, in tx: Transaction) throws {
        try tx.query("UPDATE invitations SET used = true WHERE token_hash = \(hash(token))")
    }

    static func hash(_ token: String) -> Data { Data(SHA256.hash(data: Data(token.utf8))) }
}
