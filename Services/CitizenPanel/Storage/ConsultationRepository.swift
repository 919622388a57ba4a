import Contracts
import Foundation
import Storage
import StoredVocabulary
import WorkingDays

/// The municipality's consultations, the questions as JSON.
enum ConsultationRepository {
    static func insert(_ consultation: Consultation, by researcher: Researcher, at now: Date, in tx: Transaction) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let questions = String(decoding: try encoder.encode(consultation.questions), as: UTF8.self)
        try tx.query(
            """
            INSERT INTO consultations (id, municipality, title, introduction, questions, audience, audience_district, level,
                opens_on, closes_on, created_by, created_at)
            VALUES (\(consultation.id), \(consultation.municipality), \(consultation.title), \(consultation.introduction),
                \(questions)::jsonb, \(consultation.audience.kind), \(consultation.audience.district), \(consultation.level.rawValue),
                \(consultation.opensOn.description)::date, \(consultation.closesOn.description)::date, \(researcher.username), \(now))
            """
        )
    }

    static let columns = SQLFragment(
        "id, municipality, title, introduction, questions::text AS questions, audience, audience_district, level, opens_on, closes_on"
    )

    /// The consultation `id`, whatever its municipality (the caller checks that); `locking`: its
    /// row stays locked until the transaction ends.
    static func find(_ id: UUID, locking: Bool = false, in tx: Transaction) throws -> Consultation? {
        let rows =
            locking
            ? try tx.query("SELECT \(columns) FROM consultations WHERE id = \(id) FOR UPDATE").rows
            : try tx.query("SELECT \(columns) FROM consultations WHERE id = \(id)").rows
        return try rows.first.map(consultation)
    }

    /// The consultations of `municipality`, the latest closing first.
    static func all(municipality: MunicipalityCode, in tx: Transaction) throws -> [Consultation] {
        try tx.query("SELECT \(columns) FROM consultations WHERE municipality = \(municipality.rawValue) ORDER BY closes_on DESC, title LIMIT 500")
            .rows.map(consultation)
    }

    static func consultation(_ row: Row) throws -> Consultation {
        let text = try row.decode(String.self, "questions")
        let questions: [ConsultationQuestion]
        do {
            questions = try JSONDecoder().decode([ConsultationQuestion].self, from: Data(text.utf8))
        } catch {
            throw StorageError.decodingFailed(column: "questions", expected: "the questions as JSON", found: String(text.prefix(80)))
        }
        guard
            let audience = Audience(
                kind: try row.decode(String.self, "audience"),
                district: try row.decodeIfPresent(String.self, "audience_district")
            )
        else { throw StorageError.decodingFailed(column: "audience", expected: "an audience", found: nil) }
        return try Consultation(
            id: try row.decode(UUID.self, "id"),
            municipality: try row.decode(String.self, "municipality"),
            title: try row.decode(String.self, "title"),
            introduction: try row.decode(String.self, "introduction"),
            questions: questions,
            audience: audience,
            level: try row.value(ParticipationLevel.self, "level"),
            opensOn: try row.localDate("opens_on"),
            closesOn: try row.localDate("closes_on")
        )
    }
}
