import Hummingbird
import ServiceLifecycle

/// The session store: sessions in memory, each with its expiry, cleaned up while in use (no
/// timer task to run). A restart logs everybody out, which is acceptable for a desk that logs
/// in each morning; several instances behind a balancer would need a shared store instead.
actor StaffSessionStore: PersistDriver {
    private struct Entry {
        var value: any Codable & Sendable
        var expires: ContinuousClock.Instant?
    }

    private var entries: [String: Entry] = [:]
    private var lastCleanUp = ContinuousClock.now
    /// Above this many sessions the store cleans up at once; the login page creates a short
    /// session per visit, so a flood of visits must not grow memory for long.
    private let cleanUpThreshold: Int

    init(cleanUpThreshold: Int = 10_000) {
        self.cleanUpThreshold = cleanUpThreshold
    }

    func create<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        guard live(key) == nil else { throw PersistError.duplicate }
        store(key, Entry(value: value, expires: expires.map { .now.advanced(by: $0) }))
    }

    func set<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        let expiry = expires.map { ContinuousClock.now.advanced(by: $0) } ?? live(key)?.expires
        store(key, Entry(value: value, expires: expiry))
    }

    func get<Object: Codable & Sendable>(key: String, as: Object.Type) async throws -> Object? {
        guard let entry = live(key) else { return nil }
        guard let object = entry.value as? Object else { throw PersistError.invalidConversion }
        return object
    }

    func getWithTTL<Object: Codable & Sendable>(key: String, as: Object.Type) async throws -> (object: Object, ttl: Duration?)? {
        guard let entry = live(key) else { return nil }
        guard let object = entry.value as? Object else { throw PersistError.invalidConversion }
        return (object, entry.expires.map { ContinuousClock.now.duration(to: $0) })
    }

    func remove(key: String) async throws {
        entries[key] = nil
    }

    /// The number of live sessions (for tests).
    var count: Int { entries.values.count { $0.expires.map { $0 > .now } ?? true } }

    private func live(_ key: String) -> Entry? {
        guard let entry = entries[key] else { return nil }
        if let expires = entry.expires, expires <= .now {
            entries[key] = nil
            return nil
        }
        return entry
    }

    private func store(_ key: String, _ entry: Entry) {
        entries[key] = entry
        let now = ContinuousClock.now
        if entries.count > cleanUpThreshold || now - lastCleanUp > .seconds(300) {
            entries = entries.filter { $0.value.expires.map { $0 > now } ?? true }
            lastCleanUp = now
        }
    }
}
