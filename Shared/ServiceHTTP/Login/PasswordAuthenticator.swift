import Crypto
public import Foundation
import HTTPTypes
public import Hummingbird
import HummingbirdBcrypt
public import Storage
import Synchronization

/// A stored login: the account, its bcrypt hash, and whether it may log in.
public struct StoredAccount<Account: Sendable>: Sendable {
    public var account: Account
    /// bcrypt hash of the password.
    public var passwordHash: String
    /// `false` for a blocked account, which cannot log in.
    public var isActive: Bool

    public init(account: Account, passwordHash: String, isActive: Bool) {
        self.account = account
        self.passwordHash = passwordHash
        self.isActive = isActive
    }
}

/// Checks a user name and password against the bcrypt hash of a service's account table (the
/// desk's staff, indication's assessors, …): one way of logging in for every service.
///
/// bcrypt is slow on purpose (cost 10 takes tens of milliseconds), so it runs off the Swift
/// cooperative pool, and a successful check is remembered for a short while (keyed by a SHA-256
/// of username, password and hash, so a changed password or hash invalidates it). An unknown
/// user costs the same as a wrong password, so the answer does not reveal which usernames exist.
///
/// Guessing is slowed per user name and per client address (`LoginThrottle`), and every refusal
/// is written to `login_refusals` (`LoginAudit`).
public final class PasswordAuthenticator<Account: Sendable>: Sendable {
    /// Reads the stored account for a user name (any municipality: the login decides it).
    public typealias Lookup = @Sendable (_ username: String, _ tx: Transaction) throws -> StoredAccount<Account>?

    private let pool: ConnectionPool
    private let lookup: Lookup
    private let cacheLifetime: TimeInterval
    private let verified = Mutex<[String: Date]>([:])
    private let dummyHash: String
    public let throttle: LoginThrottle
    /// Addresses of reverse proxies whose `X-Forwarded-For` is believed (`TRUSTED_PROXIES`).
    public let trustedProxies: Set<String>

    /// What a login attempt came to.
    public enum Outcome: Sendable {
        /// The credentials match an active account.
        case accepted(Account)
        /// They do not (unknown user, inactive, wrong password: not told apart).
        case refused
        /// Not checked: too many failures; try again after this many seconds.
        case throttled(retryAfter: Int)
    }

    /// - Parameters:
    ///   - cost: bcrypt cost for the dummy hash (match the cost of stored hashes).
    ///   - cacheLifetime: how long a successful check is remembered; 0 disables the cache.
    ///   - trustedProxies: peers whose `X-Forwarded-For` names the real client (a TLS proxy in
    ///     front of the service); without it every client would share the proxy's address.
    ///   - lookup: reads the account of a user name.
    public init(
        pool: ConnectionPool,
        cost: UInt8 = 10,
        cacheLifetime: TimeInterval = 60,
        trustedProxies: Set<String> = [],
        lookup: @escaping Lookup
    ) {
        self.pool = pool
        self.lookup = lookup
        self.cacheLifetime = cacheLifetime
        dummyHash = Bcrypt.hash(UUID().uuidString, cost: cost)
        throttle = LoginThrottle()
        self.trustedProxies = trustedProxies
    }

    /// The client of `request` that came from `peer` (see `clientAddress(peer:forwardedFor:)`).
    public func clientAddress(of request: Request, peer: String?) -> String? {
        clientAddress(peer: peer, forwardedFor: request.headers[HTTPField.Name("X-Forwarded-For")!])
    }

    /// The client's address: the peer, or — when the peer is a trusted proxy — the last address
    /// in `X-Forwarded-For` (the one that proxy appended; earlier ones are the client's claim).
    public func clientAddress(peer: String?, forwardedFor: String?) -> String? {
        guard let peer, trustedProxies.contains(peer), let forwardedFor else { return peer }
        let last = forwardedFor.split(separator: ",").last?.trimmingCharacters(in: .whitespaces)
        return last.flatMap { $0.isEmpty ? nil : String($0.prefix(64)) } ?? peer
    }

    /// A login attempt from `client` (its address) through `channel` (`page` or `api`):
    /// throttled, checked, and audited when refused.
    public func attempt(username: String, password: String, client: String?, channel: String) async throws -> Outcome {
        let keys = LoginThrottle.keys(username: username, client: client)
        // Credentials that matched moments ago are no guess: an organisation's system sending
        // many requests at once under one account must not count them as failed attempts (the
        // throttle counts an attempt as failed until it is checked). Only while nothing has to
        // wait: during a wait the cache must not answer guesses the throttle would refuse.
        let waiting = throttle.isWaiting(keys)
        let stored = waiting ? nil : try await self.stored(username)
        if let stored, stored.isActive, cacheLifetime > 0,
            isRecentlyVerified(Self.cacheKey(username: username, password: password, hash: stored.passwordHash))
        {
            return .accepted(stored.account)
        }
        if case .wait(let seconds, let audit) = throttle.begin(keys) {
            // One audit row per wait: a flood of throttled attempts must not flood the table.
            if audit { try await self.audit(username: username, client: client, channel: channel, reason: .throttled) }
            return .throttled(retryAfter: Int(seconds.rounded(.up)))
        }
        let checked = await check(password, of: username, against: waiting ? try await self.stored(username) : stored)
        guard let account = checked else {
            try await audit(username: username, client: client, channel: channel, reason: .wrongCredentials)
            return .refused
        }
        throttle.succeeded(keys)
        return .accepted(account)
    }

    private func audit(username: String, client: String?, channel: String, reason: LoginAudit.Reason) async throws {
        let now = Date()
        try await pool.withTransaction { tx in
            try LoginAudit.record(username: username, client: client, channel: channel, reason: reason, at: now, in: tx)
        }
    }

    /// The active account of `username`, or `nil` (unknown, blocked): what a staff site checks
    /// on every page of a session, over the same lookup as the password check.
    public func activeAccount(username: String) async throws -> Account? {
        guard let stored = try await stored(username), stored.isActive else { return nil }
        return stored.account
    }

    /// The account for the credentials, or `nil` when they do not match an active account.
    public func authenticate(username: String, password: String) async throws -> Account? {
        await check(password, of: username, against: try await stored(username))
    }

    private func stored(_ username: String) async throws -> StoredAccount<Account>? {
        let lookup = self.lookup
        return try await pool.withTransaction { tx in try lookup(username, tx) }
    }

    /// The account when `password` is `stored`'s: from the cache, or checked with bcrypt (and
    /// then cached); an unknown or inactive account costs a check against a dummy hash too.
    private func check(_ password: String, of username: String, against stored: StoredAccount<Account>?) async -> Account? {
        guard let stored, stored.isActive else {
            _ = await Self.verify(password, hash: dummyHash)
            return nil
        }
        let key = Self.cacheKey(username: username, password: password, hash: stored.passwordHash)
        if isRecentlyVerified(key) { return stored.account }
        guard await Self.verify(password, hash: stored.passwordHash) else { return nil }
        if cacheLifetime > 0 {
            let now = Date()
            verified.withLock { cache in
                if cache.count > 10_000 { cache = cache.filter { $0.value > now } }
                cache[key] = now.addingTimeInterval(cacheLifetime)
            }
        }
        return stored.account
    }

    /// True when the credentials of `key` matched within the cache's lifetime. The entry is kept
    /// while in use: a busy account's entry expiring would send the requests in flight at that
    /// moment to the throttle together. A new password or hash, or an inactive account, still
    /// ends it (the key holds the hash; the account is read every time).
    private func isRecentlyVerified(_ key: String) -> Bool {
        let now = Date()
        let lifetime = cacheLifetime
        return verified.withLock { cache in
            guard let until = cache[key], until > now else { return false }
            cache[key] = now.addingTimeInterval(lifetime)
            return true
        }
    }

    /// A bcrypt hash of `password` at `cost`, computed off the cooperative pool.
    public static func hash(_ password: String, cost: UInt8) async -> String {
        await offPool { Bcrypt.hash(password, cost: cost) }
    }

    public static func verify(_ password: String, hash: String) async -> Bool {
        await offPool { Bcrypt.verify(password, hash: hash) }
    }

    private static func offPool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: work()) }
        }
    }

    private static func cacheKey(username: String, password: String, hash: String) -> String {
        let digest = SHA256.hash(data: Data("\(username)\u{0}\(password)\u{0}\(hash)".utf8))
        return digest.map { String(format: "%02x", $0) }.joined()
    }
}
