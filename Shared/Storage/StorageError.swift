/// What went wrong talking to PostgreSQL, with enough to act on.
public enum StorageError: Error, Sendable, CustomStringConvertible {
    /// The server could not be reached or the connection broke. Transient: retry later.
    case connectionFailed(String)
    /// The server rejected a statement. `sqlState` is the five-character SQLSTATE.
    case queryFailed(sqlState: String, message: String, detail: String?)
    /// A column held something the requested Swift type cannot represent.
    case decodingFailed(column: String, expected: String, found: String?)
    /// A row was expected but the query returned none.
    case noRows(String)
    /// A schema or role name that is not a plain SQL identifier.
    case invalidIdentifier(String)
    /// A migration failed; the transaction was rolled back and the service must not start.
    case migrationFailed(id: String, underlying: String)

    /// True when waiting and retrying can help: connection problems, server shutdown, timeouts,
    /// serialization failures and deadlocks, exhausted resources. Constraint violations, data
    /// errors and syntax errors are not: retrying them changes nothing.
    public var isTransient: Bool {
        switch self {
        case .connectionFailed: return true
        case .queryFailed(let state, _, _):
            // 08 connection, 57P shutdown, 57014 statement timeout, 40 serialization/deadlock,
            // 53 out of resources, 55P03 lock timeout, 58 system (I/O) errors.
            return state.hasPrefix("08") || state.hasPrefix("57P") || state == "57014" || state.hasPrefix("40")
                || state.hasPrefix("53") || state == "55P03" || state.hasPrefix("58")
        default: return false
        }
    }

    /// True when the database as a whole is away (connection lost, shutting down, no
    /// connections left): waiting is the only thing to do, for as long as it takes. Other
    /// transient errors (timeouts, deadlocks, resources) are worth a few retries, not forever.
    public var isOutage: Bool {
        switch self {
        case .connectionFailed: return true
        case .queryFailed(let state, _, _): return state.hasPrefix("08") || state.hasPrefix("57P") || state == "53300"
        default: return false
        }
    }

    /// True for a unique-constraint violation (SQLSTATE 23505).
    public var isUniqueViolation: Bool {
        if case .queryFailed("23505", _, _) = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .connectionFailed(let message):
            "database unreachable: \(message) (check DATABASE_URL and that PostgreSQL runs)"
        case .queryFailed(let state, let message, let detail):
            "database error \(state): \(message)" + (detail.map { " (\($0))" } ?? "")
        case .decodingFailed(let column, let expected, let found):
            "column \(column) holds \(found.map { "'\($0)'" } ?? "NULL"), expected \(expected)"
        case .noRows(let what): "no row found: \(what)"
        case .invalidIdentifier(let name):
            "'\(name)' is not a plain SQL identifier (use lowercase letters, digits and _)"
        case .migrationFailed(let id, let underlying): "migration \(id) failed: \(underlying)"
        }
    }
}
