import Foundation
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
final class LoginThrottle: Sendable {
    private struct Entry {
        var failures: Int
        var last: Date
    }

    /// Failures of one user name allowed before waiting starts.
    let freeAttempts: Int
    /// Failures from one client address allowed before waiting starts.
    let freeAttemptsPerClient: Int
    /// The longest wait.
    let maximumWait: TimeInterval
    private let entries = Mutex<[String: Entry]>([:])

    init(freeAttempts: Int = 3, freeAttemptsPerClient: Int = 20, maximumWait: TimeInterval = 900) {
        self.freeAttempts = freeAttempts
        self.freeAttemptsPerClient = freeAttemptsPerClient
        self.maximumWait = maximumWait
    }

    /// The keys of an attempt: the user name (case-insensitive) and the client address.
    static func keys(username: String, client: String?) -> [String] {
        ["user:" + username.lowercased()] + (client.map { ["client:" + $0] } ?? [])
    }

    /// Seconds to wait before `keys` may try again at `now`, or `nil` when it may try now.
    func wait(for keys: [String], now: Date = Date()) -> TimeInterval? {
        entries.withLock { entries in
            let waits = keys.compactMap { key -> TimeInterval? in
                guard let entry = entries[key] else { return nil }
                let free = key.hasPrefix("client:") ? freeAttemptsPerClient : freeAttempts
                let remaining = entry.last.addingTimeInterval(delay(after: entry.failures, free: free)).timeIntervalSince(now)
                return remaining > 0 ? remaining : nil
            }
            return waits.max()
        }
    }

    /// Records a failed attempt for `keys`.
    func recordFailure(_ keys: [String], now: Date = Date()) {
        entries.withLock { entries in
            if entries.count > 100_000 { entries = entries.filter { now.timeIntervalSince($0.value.last) < 3600 } }
            for key in keys {
                var entry = entries[key] ?? Entry(failures: 0, last: now)
                if now.timeIntervalSince(entry.last) > 3600 { entry.failures = 0 }
                entry.failures += 1
                entry.last = now
                entries[key] = entry
            }
        }
    }

    /// Records a success: the user name starts afresh.
    func recordSuccess(username: String) {
        _ = entries.withLock { $0.removeValue(forKey: "user:" + username.lowercased()) }
    }

    /// The wait after `failures` failures in a row of a key with `free` free attempts (default:
    /// a user name's).
    func delay(after failures: Int, free: Int? = nil) -> TimeInterval {
        let free = free ?? freeAttempts
        guard failures > free else { return 0 }
        return min(maximumWait, pow(2, Double(failures - free)))
    }
}
