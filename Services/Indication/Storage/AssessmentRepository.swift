import Contracts
public import Foundation
public import Storage

/// The matrix scorings of cases, oldest first.
public enum AssessmentRepository {
    /// Stores `assessment`.
    public static func insert(_ assessment: Assessment, in tx: Transaction) throws {
        try tx.query(
            """
            INSERT INTO assessments (id, case_id, assessed_at, assessed_by, list_version, scores, notes)
            VALUES (\(assessment.id), \(assessment.caseID), \(assessment.assessedAt), \(assessment.assessedBy.rawValue),
                    \(assessment.scores.listVersion), \(try StoredJSON.text(assessment.scores.scores))::jsonb, \(assessment.notes))
            """
        )
    }

    /// The assessments of case `caseID`, oldest first.
    public static func assessments(of caseID: UUID, in tx: Transaction) throws -> [Assessment] {
        try tx.query(
            """
            SELECT id, case_id, assessed_at, assessed_by, list_version, scores, notes FROM assessments
            WHERE case_id = \(caseID) ORDER BY assessed_at, id
            """
        ).rows.map { row in
            Assessment(
                id: try row.decode(UUID.self, "id"),
                caseID: try row.decode(UUID.self, "case_id"),
                assessedAt: try row.decode(Date.self, "assessed_at"),
                assessedBy: AssessorID(try row.decode(String.self, "assessed_by")),
                scores: try MatrixScores(
                    try row.json([LifeDomain: Int].self, "scores"),
                    listVersion: try row.decode(String.self, "list_version")
                ),
                notes: try row.decodeIfPresent(String.self, "notes")
            )
        }
    }
}
