public import Foundation
public import Storage

/// Geweigerde aanmeldingen: every refused staff login of a service (its `login_refusals` table) (wrong credentials, or too many attempts),
/// with the user name tried and the client address, so a guessing attack is visible afterwards.
/// Append-only for the service's role, like the access log.
public enum LoginAudit {
    /// Why a login was refused.
    public enum Reason: String, Sendable, CaseIterable {
        /// Unknown user, inactive account or wrong password (not told apart, on purpose).
        case wrongCredentials = "wrong-credentials"
        /// Refused without checking: too many failures for the user name or the address.
        case throttled
    }

    /// Creates `login_refusals`, append-only, for a service's own migrations (the desk and
    /// indication made theirs before this existed; their tables are the same).
    public static let tableSQL = """
        CREATE TABLE IF NOT EXISTS login_refusals (
            id bigserial PRIMARY KEY,
            at timestamptz NOT NULL,
            username text NOT NULL,
            client text,
            channel text NOT NULL,
            reason text NOT NULL
        );
        CREATE INDEX IF NOT EXISTS login_refusals_by_user ON login_refusals (username, at);
        CREATE OR REPLACE FUNCTION login_refusals_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'login_refusals is append-only';
        END $$;
        DROP TRIGGER IF EXISTS login_refusals_no_change ON login_refusals;
        CREATE TRIGGER login_refusals_no_change BEFORE UPDATE OR DELETE ON login_refusals
            FOR EACH ROW EXECUTE FUNCTION login_refusals_append_only();
        """

    /// Appends a refusal.
    public static func record(
        username: String,
        client: String?,
        channel: String,
        reason: Reason,
        at time: Date,
        in tx: Transaction
    ) throws {
        try tx.query(
            """
            INSERT INTO login_refusals (at, username, client, channel, reason)
            VALUES (\(time), \(String(username.prefix(100))), \(client), \(channel), \(reason.rawValue))
            """
        )
    }
}
