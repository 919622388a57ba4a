public import Contracts
import Foundation
public import Storage
import StoredVocabulary

/// De sociale kaart: partners and general provisions per municipality.
public enum PartnerRepository {
    static let columns = SQLFragment(
        """
        id, municipality, name, kind, categories, districts, offer, queue_name, accept_within_working_days,
        contact_within_working_days, active
        """
    )

    /// Stores a new entry.
    /// - Throws: `.partnerAlreadyExists` when the municipality lists the id already.
    public static func insert(_ partner: Partner, in tx: Transaction) throws {
        do {
            try tx.query(
                """
                INSERT INTO partners (\(columns)) VALUES (
                    \(partner.id.rawValue), \(partner.municipality.rawValue), \(partner.name), \(partner.kind.rawValue),
                    \(partner.categories.sorted { $0.rawValue < $1.rawValue }.rawValues), \(partner.districts.sorted()),
                    \(partner.offer), \(partner.queueName), \(partner.slaOverride?.acceptWithinWorkingDays),
                    \(partner.slaOverride?.contactWithinWorkingDays), \(partner.isActive))
                """
            )
        } catch {
            guard error.isUniqueViolation else { throw error }
            throw FrontDeskError.partnerAlreadyExists(partner.id)
        }
    }

    /// Stores `partner` unless its id is already listed (for idempotent seeding).
    public static func insertIfAbsent(_ partner: Partner, in tx: Transaction) throws {
        guard try find(id: partner.id, municipality: partner.municipality, in: tx) == nil else { return }
        try insert(partner, in: tx)
    }

    /// The entry `id` of `municipality`, or `nil`.
    public static func find(id: PartnerID, municipality: MunicipalityCode, in tx: Transaction) throws -> Partner? {
        try tx.query(
            "SELECT \(columns) FROM partners WHERE id = \(id.rawValue) AND municipality = \(municipality.rawValue)"
        ).rows.first.map(partner)
    }

    /// The social map of `municipality`.
    public static func socialMap(municipality: MunicipalityCode, in tx: Transaction) throws -> SocialMap {
        SocialMap(
            partners: try tx.query(
                "SELECT \(columns) FROM partners WHERE municipality = \(municipality.rawValue) ORDER BY name"
            ).rows.map(partner)
        )
    }

    /// Every partner that takes referrals, of any municipality: one queue each.
    public static func referralPartners(in tx: Transaction) throws -> [OrganisationKey] {
        try tx.query(
            """
            SELECT DISTINCT id, municipality FROM partners
            WHERE kind = 'partner-organisation' AND queue_name IS NOT NULL AND queue_name <> '' ORDER BY municipality, id
            """
        ).rows.compactMap { row in
            let id = PartnerID(try row.decode(String.self, "id"))
            return MunicipalityCode(try row.decode(String.self, "municipality")).map { FrontDeskTopology.organisation(id, of: $0) }
        }
    }

    static func partner(_ row: Row) throws -> Partner {
        var sla: ReferralSLA?
        if let accept = try row.decodeIfPresent(Int.self, "accept_within_working_days"),
            let contact = try row.decodeIfPresent(Int.self, "contact_within_working_days")
        {
            sla = ReferralSLA(acceptWithinWorkingDays: accept, contactWithinWorkingDays: contact)
        }
        return Partner(
            id: PartnerID(try row.decode(String.self, "id")),
            name: try row.decode(String.self, "name"),
            municipality: try row.municipality(),
            kind: try row.value(PartnerKind.self, "kind"),
            categories: Set(try row.values(LifeDomain.self, "categories")),
            districts: Set(try row.decodeIfPresent([String].self, "districts") ?? []),
            offer: try row.decode(String.self, "offer"),
            slaOverride: sla,
            queueName: try row.decodeIfPresent(String.self, "queue_name"),
            isActive: try row.decode(Bool.self, "active")
        )
    }
}
