public import Foundation
import Synchronization

/// Slows down password guessing: failed logins are counted per user name and per client
/// address; past its free attempts a key must wait before the next attempt, twice as long each
/// time (2, 4, 8 … seconds, at most 15 minutes). A user name has 3 free attempts; an address has
/// 20, because a whole office can sit behind one address and one colleague's typos must not lock
/// the others out, while one address trying many user names is still slowed. A success clears
/// the user name's count (not the address's: one correct password must not unlock guessing at
/// other accounts). Counts are forgotten after an hour without failures.
///
/// Kept in memory per instance: a restart or a second instance gives an attacker a few more
/// tries, which the audit trail (`login_refusals`) still shows.
public final class LoginThrottle: Sendable {
    private struct Entry {
        var failures: Int
        var last: Date
        /// When a throttled refusal of this key was last audited (one row per wait).
        var audited: Date?
    }

    /// Whether an attempt may be checked.
    public enum Verdict: Equatable, Sendable {
        /// Check the password; the attempt already counts as a failure until `succeeded`.
        case proceed
        /// Refuse without checking; `audit` for the first refusal of this wait.
        case wait(seconds: TimeInterval, audit: Bool)
    }

    /// Failures of one user name allowed before waiting starts.
    public let freeAttempts: Int
    /// Failures from one client address allowed before waiting starts.
    public let freeAttemptsPerClient: Int
    /// The longest wait.
    public let maximumWait: TimeInterval
    private let entries = Mutex<[String: Entry]>([:])

    public init(freeAttempts: Int = 3, freeAttemptsPerClient: Int = 20, maximumWait: TimeInterval = 900) {
        self.freeAttempts = freeAttempts
        self.freeAttemptsPerClient = freeAttemptsPerClient
        self.maximumWait = maximumWait
    }

    /// The keys of an attempt: the user name (case-insensitive) and the client address.
    public static func keys(username: String, client: String?) -> [String] {
        ["user:" + username.lowercased()] + (client.map { ["client:" + $0] } ?? [])
    }

    /// Decides on an attempt and, when it may proceed, counts it as a failure at once, in one
    /// step under the lock: parallel guesses cannot all pass the check before any is counted.
    public func begin(_ keys: [String], now: Date = Date()) -> Verdict {
        entries.withLock { entries in
            if let longest = longestWait(keys, in: entries, now: now) {
                let entry = entries[longest.key]!
                let audit = entry.audited.map { $0 < entry.last } ?? true
                entries[longest.key]?.audited = now
                return .wait(seconds: longest.seconds, audit: audit)
            }
            Self.count(keys, in: &entries, now: now)
            return .proceed
        }
    }

    /// True while any of `keys` has to wait (nothing is counted).
    public func isWaiting(_ keys: [String], now: Date = Date()) -> Bool {
        entries.withLock { longestWait(keys, in: $0, now: now) != nil }
    }

    private func longestWait(_ keys: [String], in entries: [String: Entry], now: Date) -> (key: String, seconds: TimeInterval)? {
        var longest: (key: String, seconds: TimeInterval)?
        for key in keys {
            guard let entry = entries[key] else { continue }
            let free = key.hasPrefix("client:") ? freeAttemptsPerClient : freeAttempts
            let remaining = entry.last.addingTimeInterval(delay(after: entry.failures, free: free)).timeIntervalSince(now)
            if remaining > (longest?.seconds ?? 0) { longest = (key, remaining) }
        }
        return longest
    }

    /// The attempt that `begin` let through was right: the user name starts afresh and the
    /// address's reserved failure is taken back.
    public func succeeded(_ keys: [String]) {
        entries.withLock { entries in
            for key in keys {
                if key.hasPrefix("user:") {
                    entries[key] = nil
                } else if var entry = entries[key] {
                    entry.failures -= 1
                    entries[key] = entry.failures > 0 ? entry : nil
                }
            }
        }
    }

    private static func count(_ keys: [String], in entries: inout [String: Entry], now: Date) {
        if entries.count > 100_000 { entries = entries.filter { now.timeIntervalSince($0.value.last) < 3600 } }
        for key in keys {
            var entry = entries[key] ?? Entry(failures: 0, last: now)
            if now.timeIntervalSince(entry.last) > 3600 { entry.failures = 0 }
            entry.failures += 1
            entry.last = now
            entries[key] = entry
        }
    }

    /// The wait after `failures` failures in a row of a key with `free` free attempts (default:
    /// a user name's).
    public func delay(after failures: Int, free: Int? = nil) -> TimeInterval {
        let free = free ?? freeAttempts
        guard failures > free else { return 0 }
        return min(maximumWait, pow(2, Double(failures - free)))
    }
}
