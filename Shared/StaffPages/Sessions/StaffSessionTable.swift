/// The table every service with staff pages keeps its sessions in (see `PostgresSessionStore`),
/// for the service's own migrations.
public enum StaffSessionTable {
    /// Creates `staff_sessions` (key is a SHA-256 of the session id; value is JSON).
    public static let sql = """
        CREATE TABLE IF NOT EXISTS staff_sessions (
            key text PRIMARY KEY,
            value bytea NOT NULL,
            expires_at timestamptz
        );
        CREATE INDEX IF NOT EXISTS staff_sessions_expiry ON staff_sessions (expires_at);
        """
}
