import Contracts
import Foundation
import Storage

/// The panel's members (their own data, with their consent) and their leave links (SHA-256).
enum MemberRepository {
    /// Stores `member` with `leaveToken`; `false` when the address is a member already.
    static func insert(_ member: PanelMember, leaveToken: String, in tx: Transaction) throws -> Bool {
        try tx.query(
            """
            INSERT INTO members (id, municipality, kind, district, age_band, sex, email, consented_at, leave_token_hash)
            VALUES (\(member.id), \(member.municipality), \(member.kind.rawValue), \(member.district), \(member.ageBand.rawValue),
                \(member.sex), \(member.email), \(member.consentedAt), \(InvitationRepository.hash(leaveToken)))
            ON CONFLICT DO NOTHING
            """
        ).affectedRows == 1
    }

    /// Deletes the member with the leave link `token`; `false` when there is none.
    static func delete(leaveToken token: String, in tx: Transaction) throws -> Bool {
        try tx.query("DELETE FROM members WHERE leave_token_hash = \(InvitationRepository.hash(token))").affectedRows == 1
    }

    /// Members per stratum of `municipality`, for drawing a round.
    static func countsByStratum(municipality: String, in tx: Transaction) throws -> [Stratum: Int] {
        var counts: [Stratum: Int] = [:]
        for row in try tx.query(
            "SELECT district, age_band, count(*)::integer AS n FROM members WHERE municipality = \(municipality) GROUP BY 1, 2"
        ).rows {
            let stratum = Stratum(district: try row.decode(String.self, "district"), ageBand: try row.value(AgeBand.self, "age_band"))
            counts[stratum] = try row.decode(Int.self, "n")
        }
        return counts
    }

    /// The member whose personal link (the leave link) is `token`: id and municipality.
    static func find(personalToken token: String, in tx: Transaction) throws -> (id: UUID, municipality: String)? {
        try tx.query("SELECT id, municipality FROM members WHERE leave_token_hash = \(InvitationRepository.hash(token))").rows.first.map {
            (try $0.decode(UUID.self, "id"), try $0.decode(String.self, "municipality"))
        }
    }

    /// Gives the member a new personal token (the one before stops working).
    static func setPersonalToken(_ token: String, of member: UUID, in tx: Transaction) throws {
        try tx.query("UPDATE members SET leave_token_hash = \(InvitationRepository.hash(token)) WHERE id = \(member)")
    }
}
