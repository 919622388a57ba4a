import Foundation
import Storage

extension IndicationService {
    /// Escalates allocations whose provider receipt is overdue (3 working days, iWmo OP090): marks
    /// them, so they show on the work list as `receipt-missing`. Idempotent, and safe on two
    /// instances (rows are locked, taken ones skipped). Returns what it escalated.
    public func escalateMissingReceipts(limit: Int = 500) async throws -> [Allocation] {
        let now = clock()
        let today = self.today
        return try await transaction { tx in
            var escalated: [Allocation] = []
            for before in try AllocationRepository.overdueReceipts(on: today, limit: limit, in: tx) {
                var allocation = before
                allocation.escalatedAt = now
                try AllocationRepository.save(allocation, previously: before, in: tx)
                escalated.append(allocation)
            }
            return escalated
        }
    }
}
