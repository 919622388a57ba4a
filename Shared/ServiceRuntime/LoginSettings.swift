/// The settings of staff and API logins, the same for every service: `BCRYPT_COST` (4-31,
/// default 10), `AUTH_CACHE_SECONDS` (how long a checked password is remembered, default 60) and
/// `TRUSTED_PROXIES` (comma-separated addresses whose `X-Forwarded-For` is believed).
public struct LoginSettings: Sendable {
    public var bcryptCost: UInt8
    public var authCacheSeconds: Int
    public var trustedProxies: Set<String>

    public init(settings: ServiceSettings) {
        let reader = settings.reader
        bcryptCost = UInt8(min(max(reader.int(forKey: "bcrypt.cost", default: 10), 4), 31))
        authCacheSeconds = max(0, reader.int(forKey: "auth.cache.seconds", default: 60))
        trustedProxies = Set(
            reader.string(forKey: "trusted.proxies", default: "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
        )
    }
}
