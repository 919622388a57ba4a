import Crypto
public import Foundation
import HummingbirdBcrypt
public import Storage
import Synchronization

/// Checks a staff member's username and password against the bcrypt hash in `staff`.
///
/// bcrypt is slow on purpose (cost 10 takes tens of milliseconds), so it runs off the Swift
/// cooperative pool, and a successful check is remembered for a short while (keyed by a SHA-256
/// of username, password and hash, so a changed password or hash invalidates it). An unknown
/// user costs the same as a wrong password, so the answer does not reveal which usernames exist.
public final class StaffAuthenticator: Sendable {
    private let pool: ConnectionPool
    private let cacheLifetime: TimeInterval
    private let verified = Mutex<[String: Date]>([:])
    private let dummyHash: String

    /// - Parameters:
    ///   - cost: bcrypt cost for the dummy hash (match the cost of stored hashes).
    ///   - cacheLifetime: how long a successful check is remembered; 0 disables the cache.
    public init(pool: ConnectionPool, cost: UInt8 = 10, cacheLifetime: TimeInterval = 60) {
        self.pool = pool
        self.cacheLifetime = cacheLifetime
        dummyHash = Bcrypt.hash(UUID().uuidString, cost: cost)
    }

    /// The staff member for the credentials, or `nil` when they do not match an active account.
    public func authenticate(username: String, password: String) async throws -> StaffMember? {
        let account = try await pool.withTransaction { tx in try StaffRepository.find(username: username, in: tx) }
        guard let account, account.isActive else {
            _ = await Self.verify(password, hash: dummyHash)
            return nil
        }
        let key = Self.cacheKey(username: username, password: password, hash: account.passwordHash)
        let now = Date()
        if verified.withLock({ $0[key].map { $0 > now } ?? false }) { return account.staff }
        guard await Self.verify(password, hash: account.passwordHash) else { return nil }
        if cacheLifetime > 0 {
            verified.withLock { cache in
                if cache.count > 10_000 { cache = cache.filter { $0.value > now } }
                cache[key] = now.addingTimeInterval(cacheLifetime)
            }
        }
        return account.staff
    }

    /// A bcrypt hash of `password` at `cost`, computed off the cooperative pool.
    public static func hash(_ password: String, cost: UInt8) async -> String {
        await offPool { Bcrypt.hash(password, cost: cost) }
    }

    static func verify(_ password: String, hash: String) async -> Bool {
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
