public import Contracts
public import Foundation
public import Storage
import StoredVocabulary
public import WorkingDays

/// Doorverwijzingen with their acknowledgements and warm-referral due days.
public enum ReferralRepository {
    static let columns = SQLFragment(
        """
        id, municipality, request_id, route_id, partner_id, consent_id, status, passed_on_at, accept_due, contact_due,
        accepted_at, contacted_at, completed_at, completion_summary, declined_at, decline_reason, withdrawn_at,
        accepted_reported_at, contacted_reported_at, completed_reported_at, declined_reported_at
        """
    )

    /// A referral with what the domain type does not hold: its consent and due days.
    public struct Stored: Sendable, Hashable {
        /// The referral.
        public var referral: Referral
        /// The consent it was passed on under.
        public var consentID: UUID
        /// Last day for acceptance (as computed when passed on).
        public var acceptDue: LocalDate
        /// Last day for first contact.
        public var contactDue: LocalDate
        /// The partner's summary when it completed.
        public var completionSummary: String?
    }

    /// Stores a new referral.
    public static func insert(
        _ referral: Referral,
        consentID: UUID,
        acceptDue: LocalDate,
        contactDue: LocalDate,
        in tx: Transaction
    ) throws {
        try tx.query(
            """
            INSERT INTO referrals (id, municipality, request_id, route_id, partner_id, consent_id, status, passed_on_at,
                accept_due, contact_due)
            VALUES (\(referral.id), \(referral.municipality.rawValue), \(referral.requestID), \(referral.routeID),
                \(referral.partnerID.rawValue), \(consentID), \(referral.status.rawValue), \(referral.passedOnAt),
                \(acceptDue.description)::date, \(contactDue.description)::date)
            """
        )
        try WorkListRepository.refresh(requestID: referral.requestID, in: tx)
    }

    /// Saves the status and acknowledgement times of `referral`.
    public static func update(_ referral: Referral, completionSummary: String? = nil, in tx: Transaction) throws {
        try tx.query(
            """
            UPDATE referrals SET status = \(referral.status.rawValue), accepted_at = \(referral.acceptedAt),
                contacted_at = \(referral.contactedAt), completed_at = \(referral.completedAt),
                completion_summary = coalesce(\(completionSummary), completion_summary),
                declined_at = \(referral.declinedAt), decline_reason = \(referral.declineReason),
                withdrawn_at = \(referral.withdrawnAt), accepted_reported_at = \(referral.reported.accepted),
                contacted_reported_at = \(referral.reported.contacted), completed_reported_at = \(referral.reported.completed),
                declined_reported_at = \(referral.reported.declined)
            WHERE id = \(referral.id) AND municipality = \(referral.municipality.rawValue)
            """
        )
        try WorkListRepository.refresh(requestID: referral.requestID, in: tx)
    }

    /// The referral with `id`, whatever its municipality (a partner's answer names only the id;
    /// the handler compares the municipality); `forUpdate` locks it until the transaction ends.
    public static func find(id: UUID, forUpdate: Bool = false, in tx: Transaction) throws -> Stored? {
        let lock = forUpdate ? SQLFragment("FOR UPDATE") : SQLFragment("")
        return try tx.query("SELECT \(columns) FROM referrals WHERE id = \(id) \(lock)").rows.first.map(stored)
    }

    /// The referrals of the given requests in `municipality`, oldest first.
    public static func referrals(
        forRequests requestIDs: [UUID],
        municipality: MunicipalityCode,
        in tx: Transaction
    )
        throws -> [Stored]
    {
        guard !requestIDs.isEmpty else { return [] }
        return try tx.query(
            """
            SELECT \(columns) FROM referrals
            WHERE request_id = ANY(\(requestIDs)::uuid[]) AND municipality = \(municipality.rawValue)
            ORDER BY passed_on_at
            """
        ).rows.map(stored)
    }

    /// The referral passed on under `consentID`, if any, locked for the transaction.
    public static func find(consentID: UUID, municipality: MunicipalityCode, in tx: Transaction) throws -> Stored? {
        try tx.query(
            """
            SELECT \(columns) FROM referrals WHERE consent_id = \(consentID) AND municipality = \(municipality.rawValue)
            FOR UPDATE
            """
        ).rows.first.map(stored)
    }

    static func stored(_ row: Row) throws -> Stored {
        let referral = Referral(
            id: try row.decode(UUID.self, "id"),
            municipality: try row.municipality(),
            requestID: try row.decode(UUID.self, "request_id"),
            routeID: try row.decode(UUID.self, "route_id"),
            partnerID: PartnerID(try row.decode(String.self, "partner_id")),
            passedOnAt: try row.decode(Date.self, "passed_on_at"),
            status: try row.value(ReferralStatus.self, "status"),
            acceptedAt: try row.decodeIfPresent(Date.self, "accepted_at"),
            contactedAt: try row.decodeIfPresent(Date.self, "contacted_at"),
            completedAt: try row.decodeIfPresent(Date.self, "completed_at"),
            declinedAt: try row.decodeIfPresent(Date.self, "declined_at"),
            declineReason: try row.decodeIfPresent(String.self, "decline_reason"),
            withdrawnAt: try row.decodeIfPresent(Date.self, "withdrawn_at"),
            reported: Referral.ReportedTimes(
                accepted: try row.decodeIfPresent(Date.self, "accepted_reported_at"),
                contacted: try row.decodeIfPresent(Date.self, "contacted_reported_at"),
                completed: try row.decodeIfPresent(Date.self, "completed_reported_at"),
                declined: try row.decodeIfPresent(Date.self, "declined_reported_at")
            )
        )
        return Stored(
            referral: referral,
            consentID: try row.decode(UUID.self, "consent_id"),
            acceptDue: try row.localDate("accept_due"),
            contactDue: try row.localDate("contact_due"),
            completionSummary: try row.decodeIfPresent(String.self, "completion_summary")
        )
    }
}
