/// One step of a service's schema, applied once and recorded in `schema_migrations`.
///
/// Ids sort in the order they must run within their component (`kit` first, then the
/// service); an applied migration is never edited, only followed by a new one.
public struct Migration: Sendable {
    /// Stable id, e.g. `frontdesk-0003-consents`.
    public let id: String
    /// The statements, run in one transaction.
    public let sql: String

    public init(_ id: String, _ sql: String) {
        self.id = id
        self.sql = sql
    }
}
