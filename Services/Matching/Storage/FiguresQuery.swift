import Contracts
import Foundation
import Storage

/// The counts behind `MatchingService.figures`: requests by status, the median days from a
/// request to its accepted proposal, and matches by task and district (no persons).
enum FiguresQuery {
    struct Counts {
        var byStatus: [String: Int]
        var medianDaysToMatch: Double?
        var matchesByTaskAndDistrict: [String: Int]
    }

    static func counts(municipality: MunicipalityCode, in tx: Transaction) throws -> Counts {
        let code = municipality.rawValue
        var byStatus: [String: Int] = [:]
        for row in try tx.query(
            "SELECT status, count(*)::integer AS n FROM support_requests WHERE municipality = \(code) GROUP BY status"
        ).rows {
            byStatus[try row.decode(String.self, "status")] = try row.decode(Int.self, "n")
        }
        let median = try tx.query(
            """
            SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM p.answered_at - r.received_at) / 86400) AS days
            FROM proposals p JOIN support_requests r ON r.id = p.support_request
            WHERE p.municipality = \(code) AND p.status IN ('accepted', 'active', 'ended')
            """
        ).rows.first?.decodeIfPresent(Double.self, "days")
        var matches: [String: Int] = [:]
        for row in try tx.query(
            """
            SELECT r.task, coalesce(r.district, '-') AS district, count(*)::integer AS n
            FROM proposals p JOIN support_requests r ON r.id = p.support_request
            WHERE p.municipality = \(code) AND p.status IN ('accepted', 'active', 'ended') GROUP BY r.task, r.district
            """
        ).rows {
            matches["\(try row.decode(String.self, "task"))/\(try row.decode(String.self, "district"))"] = try row.decode(Int.self, "n")
        }
        return Counts(byStatus: byStatus, medianDaysToMatch: median, matchesByTaskAndDistrict: matches)
    }
}
