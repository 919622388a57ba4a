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
