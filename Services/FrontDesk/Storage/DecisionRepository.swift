public import Contracts
public import Foundation
public import Storage
import StoredVocabulary

/// Beschikkingen as received from indication: the decision content, kept so the desk can
/// render the letter (only the desk knows the address).
public enum DecisionRepository {
    /// A received decision.
    public struct Stored: Sendable, Equatable {
        /// The decision as indication sent it.
        public var decision: IndicationDecided
        /// The municipality.
        public var municipality: MunicipalityCode
        /// The person it is about.
        public var personID: UUID
        /// When the desk received it.
        public var receivedAt: Date
    }

    /// Stores a decision once (a repeated message changes nothing); returns `false` when known.
    @discardableResult
    public static func insert(
        _ decision: IndicationDecided,
        municipality: MunicipalityCode,
        personID: UUID,
        receivedAt: Date,
        in tx: Transaction
    ) throws -> Bool {
        let content = String(decoding: try ContractJSON.encoder().encode(decision), as: UTF8.self)
        return try tx.query(
            """
            INSERT INTO decisions (id, municipality, request_id, person_id, decided_at, decided_by, content, received_at)
            VALUES (\(decision.decisionId), \(municipality.rawValue), \(decision.requestId), \(personID),
                \(decision.decidedAt), \(decision.decidedBy), \(content)::jsonb, \(receivedAt))
            ON CONFLICT (id) DO NOTHING
            """
        ).affectedRows == 1
    }

    /// The decision with `id` in `municipality`, or `nil`.
    public static func find(id: UUID, municipality: MunicipalityCode, in tx: Transaction) throws -> Stored? {
        try tx.query(
            """
            SELECT municipality, person_id, content, received_at FROM decisions
            WHERE id = \(id) AND municipality = \(municipality.rawValue)
            """
        ).rows.first.map(stored)
    }

    /// The decisions about the given requests, oldest first.
    public static func decisions(
        forRequests requestIDs: [UUID],
        municipality: MunicipalityCode,
        in tx: Transaction
    )
        throws -> [Stored]
    {
        guard !requestIDs.isEmpty else { return [] }
        return try tx.query(
            """
            SELECT municipality, person_id, content, received_at FROM decisions
            WHERE request_id = ANY(\(requestIDs)::uuid[]) AND municipality = \(municipality.rawValue) ORDER BY decided_at
            """
        ).rows.map(stored)
    }

    static func stored(_ row: Row) throws -> Stored {
        Stored(
            decision: try ContractJSON.decoder().decode(
                IndicationDecided.self,
                from: Data(try row.decode(String.self, "content").utf8)
            ),
            municipality: try row.municipality(),
            personID: try row.decode(UUID.self, "person_id"),
            receivedAt: try row.decode(Date.self, "received_at")
        )
    }
}
