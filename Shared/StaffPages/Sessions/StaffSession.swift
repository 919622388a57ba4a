/// Sessie: what the session store keeps for one browser, keyed by the random id in the session
/// cookie. Nothing about citizens or clients goes in here.
public struct StaffSession: Codable, Sendable {
    /// The login name once logged in; `nil` for the short anonymous session of the login form.
    public var username: String?
    /// The synchroniser token every POST form of this session must carry (CSRF protection).
    public var csrfToken: String
    /// A one-time message for the page after a redirect ("Doorgezet naar …").
    public var flash: String?

    /// A session with a fresh CSRF token.
    public init(username: String? = nil) {
        self.username = username
        self.csrfToken = CSRFToken.make()
        self.flash = nil
    }
}

/// The per-session CSRF token: 32 random bytes as hex, compared in constant time.
public enum CSRFToken {
    /// The name of the hidden form field that carries the token.
    public static let fieldName = "_csrf"

    /// A new token from the system's secure random source.
    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        for _ in 0..<32 {
            let byte = UInt8.random(in: .min ... .max, using: &generator)
            bytes.append(digits[Int(byte >> 4)])
            bytes.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `true` when `submitted` equals `expected`; the time taken does not depend on where they
    /// differ, so the token cannot be guessed byte by byte.
    public static func matches(_ submitted: String?, expected: String?) -> Bool {
        guard let submitted, let expected, !expected.isEmpty else { return false }
        let a = Array(submitted.utf8)
        let b = Array(expected.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
