import Contracts
import Foundation
import Storage
import StoredVocabulary

/// Statements members propose (with the member only to limit how many wait at once; NULL once
/// they leave), and the moderators' decisions.
enum ProposalRepository {
    static func pending(member: UUID, in tx: Transaction) throws -> Int {
        try tx.query("SELECT count(*)::integer AS n FROM proposals WHERE member_id = \(member) AND status = 'pending'").single()
            .decode(Int.self, "n")
    }

    static func insert(_ proposal: StatementProposal, member: UUID, in tx: Transaction) throws {
        try tx.query(
            """
            INSERT INTO proposals (id, municipality, member_id, text, proposed_on, status)
            VALUES (\(proposal.id), \(proposal.municipality), \(member), \(proposal.text), \(proposal.proposedOn.description)::date,
                \(proposal.status.rawValue))
            """
        )
    }

    /// The proposals of `municipality` with `status`, oldest first.
    static func all(municipality: MunicipalityCode, status: StatementProposal.Status, in tx: Transaction) throws -> [StatementProposal] {
        try tx.query(
            """
            SELECT id, municipality, text, proposed_on, status FROM proposals
            WHERE municipality = \(municipality.rawValue) AND status = \(status.rawValue) ORDER BY proposed_on, id LIMIT 1000
            """
        ).rows.map(proposal)
    }

    static func find(_ id: UUID, municipality: String, in tx: Transaction) throws -> StatementProposal? {
        try tx.query(
            "SELECT id, municipality, text, proposed_on, status FROM proposals WHERE id = \(id) AND municipality = \(municipality) FOR UPDATE"
        ).rows.first.map(proposal)
    }

    /// Records the decision on the pending proposal `id`; `false` when there is none in `municipality`.
    static func moderate(
        _ id: UUID,
        municipality: String,
        _ moderation: Moderation,
        by researcher: Researcher,
        in tx: Transaction
    )
        throws -> Bool
    {
        let status: StatementProposal.Status = moderation.decision == .approve ? .approved : .rejected
        return try tx.query(
            """
            UPDATE proposals SET status = \(status.rawValue), reason = \(moderation.reason), moderated_by = \(researcher.username)
            WHERE id = \(id) AND municipality = \(municipality) AND status = 'pending'
            """
        ).affectedRows == 1
    }

    static func putToPanel(_ id: UUID, consultation: UUID, in tx: Transaction) throws {
        try tx.query("UPDATE proposals SET status = 'put-to-panel', consultation_id = \(consultation) WHERE id = \(id)")
    }

    static func proposal(_ row: Row) throws -> StatementProposal {
        try StatementProposal(
            id: try row.decode(UUID.self, "id"),
            municipality: try row.decode(String.self, "municipality"),
            text: try row.decode(String.self, "text"),
            proposedOn: try row.localDate("proposed_on"),
            status: try row.value(StatementProposal.Status.self, "status")
        )
    }
}
