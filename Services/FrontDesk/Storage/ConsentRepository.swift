public import Contracts
public import Foundation
public import Storage
import StoredVocabulary

/// Toestemmingen: per passed-on request, per partner, which items; withdrawn when.
public enum ConsentRepository {
    static let columns = SQLFragment(
        "id, municipality, person_id, request_id, partner_id, items, given_at, recorded_by, withdrawn_at, withdrawn_by, end_reason"
    )

    /// Stores a new consent.
    public static func insert(_ consent: Consent, in tx: Transaction) throws {
        try tx.query(
            """
            INSERT INTO consents (\(columns)) VALUES (
                \(consent.id), \(consent.municipality.rawValue), \(consent.personID), \(consent.requestID),
                \(consent.partnerID.rawValue), \(consent.items.rawValues), \(consent.givenAt), \(consent.recordedBy.rawValue),
                \(consent.withdrawnAt), \(consent.withdrawnBy?.rawValue), \(consent.endReason?.rawValue))
            """
        )
    }

    /// Records a withdrawal (the only change a consent ever gets).
    public static func saveWithdrawal(_ consent: Consent, in tx: Transaction) throws {
        try tx.query(
            """
            UPDATE consents SET withdrawn_at = \(consent.withdrawnAt), withdrawn_by = \(consent.withdrawnBy?.rawValue),
                end_reason = \(consent.endReason?.rawValue)
            WHERE id = \(consent.id) AND municipality = \(consent.municipality.rawValue)
            """
        )
    }

    /// The consent with `id` in `municipality`, locked for the transaction when `forUpdate`.
    public static func find(
        id: UUID,
        municipality: MunicipalityCode,
        forUpdate: Bool = false,
        in tx: Transaction
    )
        throws -> Consent?
    {
        let lock = forUpdate ? SQLFragment("FOR UPDATE") : SQLFragment("")
        return try tx.query(
            "SELECT \(columns) FROM consents WHERE id = \(id) AND municipality = \(municipality.rawValue) \(lock)"
        ).rows.first.map(consent)
    }

    /// The consents given for a request, oldest first.
    public static func consents(
        forRequest requestID: UUID,
        municipality: MunicipalityCode,
        in tx: Transaction
    ) throws
        -> [Consent]
    {
        try tx.query(
            """
            SELECT \(columns) FROM consents WHERE request_id = \(requestID) AND municipality = \(municipality.rawValue)
            ORDER BY given_at
            """
        ).rows.map(consent)
    }

    static func consent(_ row: Row) throws -> Consent {
        Consent(
            id: try row.decode(UUID.self, "id"),
            municipality: try row.municipality(),
            personID: try row.decode(UUID.self, "person_id"),
            requestID: try row.decode(UUID.self, "request_id"),
            partnerID: PartnerID(try row.decode(String.self, "partner_id")),
            items: Set(try row.values(ContactDataItem.self, "items")),
            givenAt: try row.decode(Date.self, "given_at"),
            recordedBy: StaffID(try row.decode(String.self, "recorded_by")),
            withdrawnAt: try row.decodeIfPresent(Date.self, "withdrawn_at"),
            withdrawnBy: try row.decodeIfPresent(String.self, "withdrawn_by").map(StaffID.init(rawValue:)),
            endReason: try row.optionalValue(ConsentEnd.self, "end_reason")
        )
    }
}
