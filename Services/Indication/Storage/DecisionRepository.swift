public import Contracts
public import Foundation
public import Storage
import StoredVocabulary
public import WorkingDays

/// Beschikkingen, per case, newest last.
public enum DecisionRepository {
    /// Stores `decision` for `municipality`.
    public static func insert(_ decision: Decision, municipality: MunicipalityCode, in tx: Transaction) throws {
        tx.executeLater(
            """
            INSERT INTO decisions (id, case_id, municipality, decided_at, decided_by, review_day, own_contribution,
                                   income_tested, protocol, lines)
            VALUES (\(decision.id), \(decision.caseID), \(municipality.rawValue), \(decision.decidedAt),
                    \(decision.decidedBy.rawValue), \(decision.reviewDay?.description)::date, \(decision.ownContribution),
                    \(decision.incomeTested), \(decision.procedure.rawValue), \(try StoredJSON.text(decision.lines))::jsonb)
            """
        )
    }

    /// The decisions of case `caseID`, oldest first.
    public static func decisions(of caseID: UUID, in tx: Transaction) throws -> [StoredDecision] {
        try tx.query(
            """
            SELECT id, case_id, decided_at, decided_by, review_day, own_contribution, income_tested, protocol, lines
            FROM decisions WHERE case_id = \(caseID) ORDER BY decided_at, id
            """
        ).rows.map { row in
            StoredDecision(
                id: try row.decode(UUID.self, "id"),
                caseID: try row.decode(UUID.self, "case_id"),
                decidedAt: try row.decode(Date.self, "decided_at"),
                decidedBy: AssessorID(try row.decode(String.self, "decided_by")),
                lines: try row.json([LineDecision].self, "lines"),
                reviewDay: try row.optionalLocalDate("review_day"),
                ownContribution: try row.decode(Bool.self, "own_contribution"),
                incomeTested: try row.decode(Bool.self, "income_tested"),
                procedure: try row.value(Decision.Procedure.self, "protocol")
            )
        }
    }
}

/// A decision as stored (its rules were checked when it was made).
public struct StoredDecision: Sendable, Hashable, Codable, Identifiable {
    public let id: UUID
    public let caseID: UUID
    public let decidedAt: Date
    public let decidedBy: AssessorID
    public let lines: [LineDecision]
    public let reviewDay: LocalDate?
    public let ownContribution: Bool
    public let incomeTested: Bool
    public let procedure: Decision.Procedure
}
