import Contracts
import Foundation
import Storage

/// The append-only audit (SPEC §5): every registration, refusal, withdrawal, removal, match,
/// notification and lookup, with who, when and which subject key; never what the worry is.
enum AuditLog {
    enum Action: String, Sendable {
        case registered
        case refreshed
        case refused
        case withdrawn
        case removed
        case deleted
        case matched
        case notified
        case lookedUp = "looked-up"
        case coordination
        case subjectAccess = "subject-access"
        case switchedOff = "switched-off"
    }

    static func record(
        _ action: Action,
        municipality: MunicipalityCode,
        actor: String,
        organisation: OrganisationKey? = nil,
        subject: SubjectKey? = nil,
        signal: UUID? = nil,
        match: UUID? = nil,
        detail: String? = nil,
        at now: Date,
        in tx: Transaction
    ) throws {
        tx.executeLater(
            """
            INSERT INTO audit_log (at, municipality, action, actor, organisation, subject_key, signal_id, match_id, detail)
            VALUES (\(now), \(municipality.rawValue), \(action.rawValue), \(actor), \(organisation?.description), \(subject?.bytes),
                \(signal), \(match), \(detail))
            """
        )
    }

    /// Lets this transaction delete audit rows (retention and switch-off only).
    static func allowDeletes(in tx: Transaction) throws {
        try tx.query("SELECT set_config('referralindex.audit_delete', 'allowed', true)")
    }

    /// Deletes audit rows older than the five years of accountability.
    static func deleteOlder(than cutoff: Date, in tx: Transaction) throws -> Int {
        try allowDeletes(in: tx)
        return try tx.query("DELETE FROM audit_log WHERE at < \(cutoff)").affectedRows
    }
}
