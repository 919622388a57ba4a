import Contracts
public import Foundation
public import Storage

/// The lines of cases' arrangements, in the order they were added.
public enum ArrangementRepository {
    static let columns = SQLFragment(
        """
        id, layer, delivered_by, activity, category, task, volume, unit, intended_result, reciprocal_contribution, \
        p4_reason, status, status_reason
        """
    )

    /// Adds `line` to case `caseID` after its other lines.
    public static func insert(_ line: ArrangementLine, caseID: UUID, by assessor: AssessorID, at time: Date, in tx: Transaction) throws {
        tx.executeLater(
            """
            INSERT INTO arrangement_lines (\(columns), case_id, position, added_by, added_at)
            SELECT \(line.id), \(line.layer.rawValue), \(line.deliveredBy), \(line.activity), \(line.category?.rawValue),
                   \(line.task?.rawValue), \(line.volume), \(line.unit?.rawValue), \(line.intendedResult),
                   \(line.reciprocalContribution), \(line.whyEarlierLayersDoNotSuffice), \(line.status.rawValue),
                   \(line.statusReason), \(caseID), coalesce(max(position), 0) + 1, \(assessor.rawValue), \(time)
            FROM arrangement_lines WHERE case_id = \(caseID)
            """
        )
    }

    /// The lines of case `caseID`.
    public static func lines(of caseID: UUID, in tx: Transaction) throws -> [ArrangementLine] {
        try tx.query("SELECT \(columns) FROM arrangement_lines WHERE case_id = \(caseID) ORDER BY position").rows.map(line)
    }

    /// The line `lineID` of case `caseID`, locked.
    public static func find(_ lineID: UUID, caseID: UUID, in tx: Transaction) throws -> ArrangementLine? {
        try tx.query(
            "SELECT \(columns) FROM arrangement_lines WHERE id = \(lineID) AND case_id = \(caseID) FOR UPDATE"
        ).rows.first.map(line)
    }

    /// Sets the status of line `lineID`.
    public static func setStatus(_ status: ArrangementLine.Status, reason: String?, of lineID: UUID, in tx: Transaction) throws {
        tx.executeLater("UPDATE arrangement_lines SET status = \(status.rawValue), status_reason = \(reason) WHERE id = \(lineID)")
    }

    static func line(_ row: Row) throws -> ArrangementLine {
        do {
            return try ArrangementLine(
                id: try row.decode(UUID.self, "id"),
                layer: try row.value(SupportLayer.self, "layer"),
                deliveredBy: try row.decode(String.self, "delivered_by"),
                activity: try row.decode(String.self, "activity"),
                category: try row.optionalValue(ProductCategory.self, "category"),
                task: try row.optionalValue(VolunteerTask.self, "task"),
                volume: try row.decodeIfPresent(Double.self, "volume"),
                unit: try row.optionalValue(ArrangementLine.Unit.self, "unit"),
                intendedResult: try row.decode(String.self, "intended_result"),
                reciprocalContribution: try row.decodeIfPresent(String.self, "reciprocal_contribution"),
                whyEarlierLayersDoNotSuffice: try row.decodeIfPresent(String.self, "p4_reason"),
                status: try row.value(ArrangementLine.Status.self, "status"),
                statusReason: try row.decodeIfPresent(String.self, "status_reason")
            )
        } catch let error as IndicationError {
            throw StorageError.decodingFailed(column: "arrangement_lines", expected: "a valid line", found: error.code)
        }
    }
}
