public import ServiceRuntime

/// The staff pages' settings, read once at start-up.
///
/// | variable | default | meaning |
/// |---|---|---|
/// | `COOKIE_SECURE` | `true` | mark the session cookie `Secure` (and give its name the `__Host-` prefix); `false` only for plain-HTTP local runs (`scripts/run.sh` sets it) |
/// | `SESSION_HOURS` | `9` | how long a login lasts (a working day) |
public struct PageSettings: Sendable {
    /// Send the session cookie only over HTTPS. On by default; a plain-HTTP local run opts out
    /// explicitly (`COOKIE_SECURE=false`, as `scripts/run.sh` and the browser test do).
    public var cookieSecure: Bool
    /// How long a login lasts.
    public var sessionLifetime: Duration

    /// Explicit settings (tests).
    public init(cookieSecure: Bool = true, sessionLifetime: Duration = .seconds(9 * 3600)) {
        self.cookieSecure = cookieSecure
        self.sessionLifetime = sessionLifetime
    }

    /// Reads `cookie.secure` (`COOKIE_SECURE`) and `session.hours` (`SESSION_HOURS`).
    public init(settings: ServiceSettings) {
        cookieSecure = settings.reader.bool(forKey: "cookie.secure", default: true)
        let hours = min(max(settings.reader.int(forKey: "session.hours", default: 9), 1), 24)
        sessionLifetime = .seconds(hours * 3600)
    }

    /// The session cookie's name for a site whose cookie is called `base` (one per service: the
    /// services may share a host name on different ports, and a browser sends a host's cookies to
    /// every port); the `__Host-` prefix makes the browser refuse it without `Secure`, over plain
    /// HTTP, or with a `Domain`, so another host can never set it.
    public func cookieName(base: String) -> String { cookieSecure ? "__Host-\(base)" : base }
}
