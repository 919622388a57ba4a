public import ServiceRuntime

/// The staff pages' settings, read once at start-up.
///
/// | variable | default | meaning |
/// |---|---|---|
/// | `COOKIE_SECURE` | `false` | mark the session cookie `Secure` (and name it `__Host-wmo-session`); set `true` behind HTTPS |
/// | `SESSION_HOURS` | `9` | how long a login lasts (a working day) |
public struct PageSettings: Sendable {
    /// Send the session cookie only over HTTPS. Off by default because the development setup
    /// serves plain HTTP on 127.0.0.1; every deployment behind HTTPS turns it on.
    public var cookieSecure: Bool
    /// How long a login lasts.
    public var sessionLifetime: Duration

    /// Explicit settings (tests).
    public init(cookieSecure: Bool = false, sessionLifetime: Duration = .seconds(9 * 3600)) {
        self.cookieSecure = cookieSecure
        self.sessionLifetime = sessionLifetime
    }

    /// Reads `cookie.secure` (`COOKIE_SECURE`) and `session.hours` (`SESSION_HOURS`).
    public init(settings: ServiceSettings) {
        cookieSecure = settings.reader.bool(forKey: "cookie.secure", default: false)
        let hours = min(max(settings.reader.int(forKey: "session.hours", default: 9), 1), 24)
        sessionLifetime = .seconds(hours * 3600)
    }

    /// The cookie name; the `__Host-` prefix makes the browser refuse it without `Secure`, over
    /// plain HTTP, or with a `Domain`, so another host can never set it.
    var cookieName: String { cookieSecure ? "__Host-wmo-session" : "wmo-session" }
}
