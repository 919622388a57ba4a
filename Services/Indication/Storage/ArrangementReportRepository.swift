public import Foundation
public import Storage

/// Neighbourhood teams' reports that an arrangement no longer suffices.
public enum ArrangementReportRepository {
    /// Stores a report (once per desk message); `false` when it was stored before.
    @discardableResult
    public static func insert(_ report: ArrangementReport, in tx: Transaction) throws -> Bool {
        try tx.query(
            """
            INSERT INTO arrangement_reports (message_id, case_id, reported_by, reason, received_at)
            VALUES (\(report.messageID), \(report.caseID), \(report.reportedBy), \(report.reason), \(report.receivedAt))
            ON CONFLICT (message_id) DO NOTHING
            """
        ).affectedRows == 1
    }

    /// The reports about case `caseID`, oldest first.
    public static func reports(of caseID: UUID, in tx: Transaction) throws -> [ArrangementReport] {
        try tx.query(
            """
            SELECT message_id, case_id, reported_by, reason, received_at FROM arrangement_reports
            WHERE case_id = \(caseID) ORDER BY received_at, message_id
            """
        ).rows.map { row in
            ArrangementReport(
                caseID: try row.decode(UUID.self, "case_id"),
                messageID: try row.decode(UUID.self, "message_id"),
                reportedBy: try row.decode(String.self, "reported_by"),
                reason: try row.decode(String.self, "reason"),
                receivedAt: try row.decode(Date.self, "received_at")
            )
        }
    }
}
