public import Foundation
public import Storage
import StoredVocabulary
public import WorkingDays

/// What the work list needs to know about its cases beyond the case rows, read for all of them
/// at once (five queries per page, not five per case).
public struct WorkListFacts: Sendable {
    /// Cases with an informal-support line that matching could not fill.
    public var failedLines: Set<UUID> = []
    /// The review day of each case's latest decision.
    public var reviewDays: [UUID: LocalDate] = [:]
    /// Cases with an allocation whose receipt is missing (escalated).
    public var missingReceipts: Set<UUID> = []
    /// Cases with an allocation the provider rejected.
    public var rejectedAllocations: Set<UUID> = []
    /// The open provider requests per case.
    public var openRequests: [UUID: [ProviderRequest]] = [:]
    /// When the latest arrangement report of each case came in.
    public var latestReports: [UUID: Date] = [:]

    /// The facts of `caseIDs`.
    public static func load(_ caseIDs: [UUID], in tx: Transaction) throws -> WorkListFacts {
        var facts = WorkListFacts()
        guard !caseIDs.isEmpty else { return facts }
        for row in try tx.query(
            "SELECT DISTINCT case_id FROM arrangement_lines WHERE case_id = ANY(\(caseIDs)::uuid[]) AND status = 'failed'"
        ).rows {
            facts.failedLines.insert(try row.decode(UUID.self, "case_id"))
        }
        for row in try tx.query(
            """
            SELECT DISTINCT ON (case_id) case_id, review_day FROM decisions
            WHERE case_id = ANY(\(caseIDs)::uuid[]) ORDER BY case_id, decided_at DESC
            """
        ).rows {
            if let day = try row.optionalLocalDate("review_day") { facts.reviewDays[try row.decode(UUID.self, "case_id")] = day }
        }
        for row in try tx.query(
            """
            SELECT case_id, bool_or(status = 'issued' AND escalated_at IS NOT NULL) AS missing, bool_or(status = 'rejected') AS rejected
            FROM allocations WHERE case_id = ANY(\(caseIDs)::uuid[]) GROUP BY case_id
            """
        ).rows {
            let id = try row.decode(UUID.self, "case_id")
            if try row.decode(Bool.self, "missing") { facts.missingReceipts.insert(id) }
            if try row.decode(Bool.self, "rejected") { facts.rejectedAllocations.insert(id) }
        }
        for row in try tx.query(
            """
            SELECT document FROM provider_requests
            WHERE case_id = ANY(\(caseIDs)::uuid[]) AND status IN ('received', 'under-investigation', 'accepted')
            """
        ).rows {
            let request = try row.json(ProviderRequest.self, "document")
            facts.openRequests[request.caseID, default: []].append(request)
        }
        for row in try tx.query(
            "SELECT case_id, max(received_at) AS latest FROM arrangement_reports WHERE case_id = ANY(\(caseIDs)::uuid[]) GROUP BY case_id"
        ).rows {
            facts.latestReports[try row.decode(UUID.self, "case_id")] = try row.decode(Date.self, "latest")
        }
        return facts
    }
}
