import Contracts
import Foundation
import Storage
import StoredVocabulary
import WorkingDays

/// A consultation's rounds and the members' one-time links in them (SHA-256 of the token, with
/// the member's stratum and sex for the response): the member is kept only to stop a second
/// answer and to remind those who did not answer; `used` is all that is marked.
enum RoundRepository {
    /// A member who may be drawn.
    struct Candidate: Sendable {
        var id: UUID
        var stratum: Stratum
        var sex: String?
        var email: String
    }

    /// The members of `consultation`'s audience not invited to it yet.
    static func candidates(for consultation: Consultation, in tx: Transaction) throws -> [Candidate] {
        let kind: String? =
            switch consultation.audience {
            case .all, .district: nil
            case .carers: PanelMember.Kind.informalCarer.rawValue
            case .clients: PanelMember.Kind.client.rawValue
            }
        return try tx.query(
            """
            SELECT m.id, m.district, m.age_band, m.sex, m.email FROM members m
            WHERE m.municipality = \(consultation.municipality)
                AND (\(consultation.audience.district)::text IS NULL OR m.district = \(consultation.audience.district)::text)
                AND (\(kind)::text IS NULL OR m.kind = \(kind)::text)
                AND NOT EXISTS (SELECT 1 FROM round_invitations i WHERE i.consultation_id = \(consultation.id) AND i.member_id = m.id)
            """
        ).rows.map { row in
            Candidate(
                id: try row.decode(UUID.self, "id"),
                stratum: Stratum(district: try row.decode(String.self, "district"), ageBand: try row.value(AgeBand.self, "age_band")),
                sex: try row.decodeIfPresent(String.self, "sex"),
                email: try row.decode(String.self, "email")
            )
        }
    }

    static func insertRound(
        id: UUID,
        consultation: UUID,
        on day: LocalDate,
        by researcher: Researcher,
        target: Int,
        expectedRate: Double,
        invited: Int,
        in tx: Transaction
    ) throws {
        try tx.query(
            """
            INSERT INTO rounds (id, consultation_id, drawn_on, drawn_by, target, expected_rate, invited)
            VALUES (\(id), \(consultation), \(day.description)::date, \(researcher.username), \(target)::integer, \(expectedRate)::double precision,
                \(invited)::integer)
            """
        )
    }

    static func insertInvitation(id: UUID, round: UUID, consultation: UUID, member: Candidate, token: String, in tx: Transaction) throws {
        try tx.query(
            """
            INSERT INTO round_invitations (id, round_id, consultation_id, member_id, token_hash, district, age_band, sex)
            VALUES (\(id), \(round), \(consultation), \(member.id), \(InvitationRepository.hash(token)), \(member.stratum.district),
                \(member.stratum.ageBand.rawValue), \(member.sex))
            """
        )
    }

    /// What an unused link gives the response: the consultation and the member's stratum and sex.
    struct Link: Sendable {
        var consultationId: UUID
        var stratum: Stratum
        var sex: String?
    }

    /// The unused link with `token` (the first one or the reminder's).
    static func open(token: String, in tx: Transaction) throws -> Link? {
        let hash = InvitationRepository.hash(token)
        return try tx.query(
            """
            SELECT consultation_id, district, age_band, sex FROM round_invitations
            WHERE (token_hash = \(hash) OR reminder_token_hash = \(hash)) AND NOT used
            """
        ).rows.first.map(link)
    }

    /// Marks the link with `token` used (a second use finds nothing); returns what it gives.
    static func use(token: String, in tx: Transaction) throws -> Link? {
        let hash = InvitationRepository.hash(token)
        return try tx.query(
            """
            UPDATE round_invitations SET used = true
            WHERE (token_hash = \(hash) OR reminder_token_hash = \(hash)) AND NOT used
            RETURNING consultation_id, district, age_band, sex
            """
        ).rows.first.map(link)
    }

    static func link(_ row: Row) throws -> Link {
        Link(
            consultationId: try row.decode(UUID.self, "consultation_id"),
            stratum: Stratum(district: try row.decode(String.self, "district"), ageBand: try row.value(AgeBand.self, "age_band")),
            sex: try row.decodeIfPresent(String.self, "sex")
        )
    }

    /// A member to remind: the invitation and their address.
    struct Unanswered: Sendable {
        var invitationId: UUID
        var memberId: UUID
        var email: String
    }

    /// The members invited to `consultation` who did not answer and were not reminded yet.
    static func unreminded(consultation: UUID, in tx: Transaction) throws -> [Unanswered] {
        try tx.query(
            """
            SELECT i.id, m.id AS member_id, m.email FROM round_invitations i JOIN members m ON m.id = i.member_id
            WHERE i.consultation_id = \(consultation) AND NOT i.used AND i.reminder_token_hash IS NULL
            FOR UPDATE OF i
            """
        ).rows.map {
            Unanswered(
                invitationId: try $0.decode(UUID.self, "id"),
                memberId: try $0.decode(UUID.self, "member_id"),
                email: try $0.decode(String.self, "email")
            )
        }
    }

    static func setReminder(_ invitation: UUID, token: String, in tx: Transaction) throws {
        try tx.query("UPDATE round_invitations SET reminder_token_hash = \(InvitationRepository.hash(token)) WHERE id = \(invitation)")
    }

    /// Invited and answered per stratum of `consultation` (members who left still count).
    static func response(consultation: UUID, in tx: Transaction) throws -> [Stratum: (invited: Int, answered: Int)] {
        var result: [Stratum: (invited: Int, answered: Int)] = [:]
        for row in try tx.query(
            """
            SELECT district, age_band, count(*)::integer AS invited, count(*) FILTER (WHERE used)::integer AS answered
            FROM round_invitations WHERE consultation_id = \(consultation) GROUP BY 1, 2
            """
        ).rows {
            let stratum = Stratum(district: try row.decode(String.self, "district"), ageBand: try row.value(AgeBand.self, "age_band"))
            result[stratum] = (try row.decode(Int.self, "invited"), try row.decode(Int.self, "answered"))
        }
        return result
    }
}
