public import Foundation
public import Storage

/// Providers' requests (iWmo WMO315/317), stored as documents with the columns they are found by.
public enum ProviderRequestRepository {
    /// Stores a new request; `false` when this provider message was stored before.
    @discardableResult
    public static func insert(_ request: ProviderRequest, municipality: String, in tx: Transaction) throws -> Bool {
        try tx.query(
            """
            INSERT INTO provider_requests (id, message_id, case_id, municipality, provider, status, line_id, document)
            VALUES (\(request.id), \(request.messageID), \(request.caseID), \(municipality), \(request.provider.description),
                \(request.status.rawValue), \(request.lineID), \(try StoredJSON.text(request))::jsonb)
            ON CONFLICT (message_id) DO NOTHING
            """
        ).affectedRows == 1
    }

    /// Writes the answer.
    public static func save(_ request: ProviderRequest, in tx: Transaction) throws {
        try tx.query(
            """
            UPDATE provider_requests SET status = \(request.status.rawValue), line_id = \(request.lineID),
                document = \(try StoredJSON.text(request))::jsonb
            WHERE id = \(request.id)
            """
        )
    }

    /// Request `id` in `municipality`, locked unless `forUpdate` is false.
    public static func find(_ id: UUID, municipality: String, forUpdate: Bool = true, in tx: Transaction) throws -> ProviderRequest? {
        try tx.query(
            """
            SELECT document FROM provider_requests WHERE id = \(id) AND municipality = \(municipality)\(forUpdate ? lock : noLock)
            """
        ).rows.first.map { try $0.json(ProviderRequest.self, "document") }
    }

    static let lock = SQLFragment(" FOR UPDATE")
    static let noLock = SQLFragment("")

    /// Whether allocation `allocationID` has a change request that is still open.
    public static func hasOpenChange(of allocationID: UUID, in tx: Transaction) throws -> Bool {
        try !tx.query(
            """
            SELECT 1 FROM provider_requests
            WHERE document->>'allocationID' = \(allocationID.uuidString) AND status IN ('received', 'under-investigation', 'accepted')
            LIMIT 1
            """
        ).rows.isEmpty
    }

    /// The requests about case `caseID`, oldest first.
    public static func requests(of caseID: UUID, in tx: Transaction) throws -> [ProviderRequest] {
        try tx.query(
            "SELECT document FROM provider_requests WHERE case_id = \(caseID) ORDER BY document->>'receivedAt', id"
        ).rows.map { try $0.json(ProviderRequest.self, "document") }
    }

    /// The accepted request that became line `lineID`, locked.
    public static func accepted(line lineID: UUID, in tx: Transaction) throws -> ProviderRequest? {
        try tx.query(
            "SELECT document FROM provider_requests WHERE line_id = \(lineID) AND status = 'accepted' FOR UPDATE"
        ).rows.first.map { try $0.json(ProviderRequest.self, "document") }
    }
}
