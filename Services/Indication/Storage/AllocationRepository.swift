public import Contracts
public import Foundation
public import Storage
import StoredVocabulary
public import WorkingDays

/// Toewijzingen to providers.
public enum AllocationRepository {
    static let columns = SQLFragment(
        """
        id, case_id, decision_id, line_id, municipality, subject_ref, provider, category, volume, unit, valid_from, \
        valid_until, tariff_cents, issued_at, receipt_due, status, receipt_at, retour_codes, escalated_at, start_date, \
        stop_date, stop_reason
        """
    )

    /// Stores a new allocation.
    public static func insert(_ item: Allocation, in tx: Transaction) throws {
        tx.executeLater(
            """
            INSERT INTO allocations (\(columns), monthly_cost_cents) VALUES (
                \(item.id), \(item.caseID), \(item.decisionID), \(item.lineID), \(item.municipality.rawValue),
                \(item.subjectRef.rawValue), \(item.provider.description), \(item.category.rawValue), \(item.volume), \(item.unit),
                \(item.validFrom.description)::date, \(item.validUntil?.description)::date, \(item.tariffCents), \(item.issuedAt),
                \(item.receiptDue.description)::date, \(item.status.rawValue), \(item.receiptAt), \(item.retourCodes)::text[],
                \(item.escalatedAt), \(item.startDate?.description)::date, \(item.stopDate?.description)::date, \(item.stopReason),
                \(item.monthlyCostCents))
            """
        )
        try BudgetLedger.record(from: nil, to: item, in: tx)
    }

    /// Writes the provider's answers, the escalation, a stop or a withdrawal, and moves the
    /// budget ledger by what changed since `old` (the row as the caller locked and read it).
    public static func save(_ item: Allocation, previously old: Allocation, in tx: Transaction) throws {
        try BudgetLedger.record(from: old, to: item, in: tx)
        tx.executeLater(
            """
            UPDATE allocations SET status = \(item.status.rawValue), receipt_at = \(item.receiptAt),
                retour_codes = \(item.retourCodes)::text[], escalated_at = \(item.escalatedAt),
                start_date = \(item.startDate?.description)::date, stop_date = \(item.stopDate?.description)::date,
                stop_reason = \(item.stopReason)
            WHERE id = \(item.id)
            """
        )
    }

    /// The allocation `id`, locked.
    public static func find(_ id: UUID, in tx: Transaction) throws -> Allocation? {
        try tx.query("SELECT \(columns) FROM allocations WHERE id = \(id) FOR UPDATE").rows.first.map(allocation)
    }

    /// The complete current set of allocations of `subjectRef` with `provider` (not rejected,
    /// not withdrawn):
    /// what an allocation message carries (state, not a delta).
    public static func currentSet(of subjectRef: SubjectRef, with provider: OrganisationKey, in tx: Transaction) throws -> [Allocation] {
        try tx.query(
            """
            SELECT \(columns) FROM allocations
            WHERE provider = \(provider.description) AND subject_ref = \(subjectRef.rawValue)
                AND status NOT IN ('rejected', 'withdrawn')
            ORDER BY issued_at, id
            """
        ).rows.map(allocation)
    }

    /// The latest allocation `provider` holds or held for `subjectRef` (not rejected): how a
    /// provider's request for a client is tied to the client's case.
    public static func latest(of subjectRef: SubjectRef, with provider: OrganisationKey, in tx: Transaction) throws -> Allocation? {
        try tx.query(
            """
            SELECT \(columns) FROM allocations
            WHERE provider = \(provider.description) AND subject_ref = \(subjectRef.rawValue) AND status <> 'rejected'
            ORDER BY issued_at DESC, id LIMIT 1
            """
        ).rows.first.map(allocation)
    }

    /// The allocations of case `caseID`.
    public static func allocations(of caseID: UUID, in tx: Transaction) throws -> [Allocation] {
        try tx.query("SELECT \(columns) FROM allocations WHERE case_id = \(caseID) ORDER BY issued_at, id").rows.map(allocation)
    }

    /// Allocations whose receipt is overdue on `today` and not yet escalated, locked, skipping
    /// rows another instance holds (the watch may run on two instances).
    public static func overdueReceipts(on today: LocalDate, limit: Int, in tx: Transaction) throws -> [Allocation] {
        try tx.query(
            """
            SELECT \(columns) FROM allocations
            WHERE status = 'issued' AND escalated_at IS NULL AND receipt_due < \(today.description)::date
            ORDER BY receipt_due LIMIT \(limit) FOR UPDATE SKIP LOCKED
            """
        ).rows.map(allocation)
    }

    static func allocation(_ row: Row) throws -> Allocation {
        let provider = try row.parsed("provider", as: "OrganisationKey", OrganisationKey.init)
        return Allocation(
            id: try row.decode(UUID.self, "id"),
            caseID: try row.decode(UUID.self, "case_id"),
            decisionID: try row.decode(UUID.self, "decision_id"),
            lineID: try row.decode(UUID.self, "line_id"),
            municipality: try row.municipality(),
            subjectRef: SubjectRef(try row.decode(UUID.self, "subject_ref")),
            provider: provider,
            category: try row.value(ProductCategory.self, "category"),
            volume: try row.decodeIfPresent(Double.self, "volume"),
            unit: try row.decodeIfPresent(String.self, "unit"),
            validFrom: try row.localDate("valid_from"),
            validUntil: try row.optionalLocalDate("valid_until"),
            tariffCents: try row.decode(Int.self, "tariff_cents"),
            issuedAt: try row.decode(Date.self, "issued_at"),
            receiptDue: try row.localDate("receipt_due"),
            status: try row.value(Allocation.Status.self, "status"),
            receiptAt: try row.decodeIfPresent(Date.self, "receipt_at"),
            retourCodes: try row.decodeIfPresent([String].self, "retour_codes") ?? [],
            escalatedAt: try row.decodeIfPresent(Date.self, "escalated_at"),
            startDate: try row.optionalLocalDate("start_date"),
            stopDate: try row.optionalLocalDate("stop_date"),
            stopReason: try row.decodeIfPresent(String.self, "stop_reason")
        )
    }
}
