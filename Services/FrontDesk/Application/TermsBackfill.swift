import Contracts
import Foundation
import Storage

extension FrontDeskService {
    /// Gives requests stored before terms were stored (`terms_version` 0) their statutory terms
    /// and work-list columns, computed as they would have been at receipt; met days follow from
    /// their history (routes, closing, decisions). Runs at start-up in batches; idempotent.
    /// - Returns: the number of requests updated.
    @discardableResult
    public func backfillTerms(batchSize: Int = 500) async throws -> Int {
        var total = 0
        let deadlines = statutoryDeadlines
        while true {
            let done = try await transaction { tx -> Int in
                let ids = try tx.query(
                    """
                    SELECT id, municipality FROM requests WHERE terms_version = 0
                    ORDER BY id LIMIT \(batchSize) FOR UPDATE SKIP LOCKED
                    """
                ).rows.map { row in (try row.decode(UUID.self, "id"), try row.decode(String.self, "municipality")) }
                for (id, code) in ids {
                    guard let municipality = MunicipalityCode(code),
                        var request = try RequestRepository.find(id: id, municipality: municipality, in: tx)
                    else { continue }
                    let decisions = try DecisionRepository.decisions(forRequests: [id], municipality: municipality, in: tx)
                    let decisionDay = decisions.map { HelpRequest.dayCalendar.day(of: $0.receivedAt) }.min()
                    request.startTerms(deadlines.deadlines(for: request))
                    if let decisionDay { request.recordDecision(on: decisionDay) }
                    try RequestRepository.save(request, in: tx)
                    // Only here (and at insert) is a request marked as having its terms.
                    try tx.query("UPDATE requests SET terms_version = 1 WHERE id = \(id)")
                }
                return ids.count
            }
            total += done
            if done < batchSize { return total }
        }
    }
}
