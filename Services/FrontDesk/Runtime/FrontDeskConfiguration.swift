public import ServiceRuntime

/// The front desk's own settings, read once at start-up next to the common `ServiceSettings`.
///
/// | variable | default | meaning |
/// |---|---|---|
/// | `BCRYPT_COST` | `10` | bcrypt cost of new password hashes (4-31; lower only in tests) |
/// | `AUTH_CACHE_SECONDS` | `60` | how long a checked API login is remembered (0: never) |
public struct FrontDeskConfiguration: Sendable {
    /// bcrypt cost.
    public var bcryptCost: UInt8
    /// Seconds a successful API password check is remembered.
    public var authCacheSeconds: Int

    /// Reads the settings from `settings.reader`.
    public init(settings: ServiceSettings) {
        let cost = settings.reader.int(forKey: "bcrypt.cost", default: 10)
        bcryptCost = UInt8(min(max(cost, 4), 31))
        authCacheSeconds = max(0, settings.reader.int(forKey: "auth.cache.seconds", default: 60))
    }
}
