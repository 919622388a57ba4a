import Contracts
import Crypto
import Foundation
import Storage
import StoredVocabulary
import WorkingDays

/// Proposals and what became of them (the matches), with their score parts. The one-time answer
/// token is kept as its SHA-256 only, and cleared once used.
enum ProposalRepository {
    /// Stores `proposal`; returns the transaction it is stored in (for `CandidateIndex.reserve`).
    @discardableResult
    static func insert(_ proposal: Proposal, municipality: MunicipalityCode, token: String, in tx: Transaction) throws -> UInt64 {
        let score = proposal.score
        let row = try tx.query(
            """
            INSERT INTO proposals (id, support_request, volunteer_id, municipality, score_task, score_availability, score_distance,
                score_language, score_load, kilometres, status, proposed_at, answer_by, token_hash)
            VALUES (\(proposal.id), \(proposal.requestId), \(proposal.volunteerId), \(municipality.rawValue), \(score.task),
                \(score.availability), \(score.distance), \(score.language), \(score.load), \(score.kilometres),
                \(proposal.status.rawValue), \(proposal.proposedAt), \(proposal.answerBy?.description)::date, \(hash(token)))
            RETURNING pg_current_xact_id()::text AS transaction
            """
        ).single()
        return UInt64(try row.decode(String.self, "transaction")) ?? 0
    }

    /// The proposal's new state; an answered proposal's token stops working.
    static func save(_ proposal: Proposal, answeredBy: String? = nil, in tx: Transaction) throws {
        try tx.query(
            """
            UPDATE proposals SET status = \(proposal.status.rawValue), answered_at = \(proposal.answeredAt),
                answered_by = coalesce(\(answeredBy), answered_by), decline_reason = \(proposal.declineReason),
                started_at = \(proposal.startedAt), ended_at = \(proposal.endedAt), evaluation = \(proposal.evaluation),
                token_hash = CASE WHEN \(proposal.status.rawValue) = 'proposed' THEN token_hash END
            WHERE id = \(proposal.id)
            """
        )
    }

    static let columns = SQLFragment(
        """
        id, support_request, volunteer_id, municipality, score_task, score_availability, score_distance, score_language, score_load,
        kilometres, status, proposed_at, answer_by::text AS answer_by, answered_at, answered_by, decline_reason, started_at, ended_at,
        evaluation
        """
    )

    static func find(_ id: UUID, municipality: MunicipalityCode, forUpdate: Bool = false, in tx: Transaction) throws -> Proposal? {
        let lock = forUpdate ? SQLFragment("FOR UPDATE") : SQLFragment("")
        return try tx.query(
            "SELECT \(columns) FROM proposals WHERE id = \(id) AND municipality = \(municipality.rawValue) \(lock)"
        ).rows.first.map(proposal)
    }

    /// The open proposal whose answer link carries `token`.
    static func find(token: String, forUpdate: Bool = false, in tx: Transaction) throws -> (Proposal, MunicipalityCode)? {
        let lock = forUpdate ? SQLFragment("FOR UPDATE") : SQLFragment("")
        return try tx.query(
            "SELECT \(columns) FROM proposals WHERE token_hash = \(hash(token)) AND status = 'proposed' \(lock)"
        ).rows.first.map { (try proposal($0), try $0.municipality()) }
    }

    /// Every proposal for request `requestID`, oldest first.
    static func proposals(of requestID: UUID, in tx: Transaction) throws -> [Proposal] {
        try tx.query("SELECT \(columns) FROM proposals WHERE support_request = \(requestID) ORDER BY proposed_at, id").rows.map(proposal)
    }

    /// Volunteers who were asked for this request before and said no (or let it lapse).
    static func askedBefore(_ requestID: UUID, in tx: Transaction) throws -> Set<UUID> {
        Set(
            try tx.query(
                "SELECT volunteer_id FROM proposals WHERE support_request = \(requestID) AND status IN ('declined', 'lapsed')"
            ).rows.map { try $0.decode(UUID.self, "volunteer_id") }
        )
    }

    /// Open proposals whose last day to answer is before `today`.
    static func unanswered(before today: LocalDate, in tx: Transaction) throws -> [(UUID, MunicipalityCode)] {
        try tx.query(
            "SELECT id, municipality FROM proposals WHERE status = 'proposed' AND answer_by < \(today.description)::date LIMIT 1000"
        ).rows.map { (try $0.decode(UUID.self, "id"), try $0.municipality()) }
    }

    /// A volunteer's proposals and matches, newest first.
    static func proposals(ofVolunteer id: UUID, in tx: Transaction) throws -> [Proposal] {
        try tx.query("SELECT \(columns) FROM proposals WHERE volunteer_id = \(id) ORDER BY proposed_at DESC LIMIT 100").rows.map(proposal)
    }

    static func hash(_ token: String) -> Data { Data(SHA256.hash(data: Data(token.utf8))) }

    static func proposal(_ row: Row) throws -> Proposal {
        Proposal(
            id: try row.decode(UUID.self, "id"),
            requestId: try row.decode(UUID.self, "support_request"),
            volunteerId: try row.decode(UUID.self, "volunteer_id"),
            score: ScoreParts(
                task: try row.decode(Int.self, "score_task"),
                availability: try row.decode(Int.self, "score_availability"),
                distance: try row.decode(Int.self, "score_distance"),
                language: try row.decode(Int.self, "score_language"),
                load: try row.decode(Int.self, "score_load"),
                kilometres: try row.decodeIfPresent(Double.self, "kilometres")
            ),
            status: try row.value(Proposal.Status.self, "status"),
            proposedAt: try row.decode(Date.self, "proposed_at"),
            answerBy: try row.optionalLocalDate("answer_by"),
            answeredAt: try row.decodeIfPresent(Date.self, "answered_at"),
            declineReason: try row.decodeIfPresent(String.self, "decline_reason"),
            startedAt: try row.decodeIfPresent(Date.self, "started_at"),
            endedAt: try row.decodeIfPresent(Date.self, "ended_at"),
            evaluation: try row.decodeIfPresent(String.self, "evaluation")
        )
    }
}
