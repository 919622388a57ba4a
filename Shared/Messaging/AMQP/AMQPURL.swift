/// The parts of an `amqp://user:password@host:port/vhost` URL.
public struct AMQPURL: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var user: String
    public var password: String
    public var virtualHost: String

    public init(
        host: String = "127.0.0.1",
        port: Int = 5672,
        user: String = "guest",
        password: String = "guest",
        virtualHost: String = "/"
    ) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.virtualHost = virtualHost
    }

    /// Parses the URL; an empty path means the default vhost `/`, `%2f` is decoded.
    public init(parsing text: String) throws(AMQPError) {
        guard text.hasPrefix("amqp://") else { throw .invalidURL(text) }
        var rest = Substring(text.dropFirst("amqp://".count))
        var vhost = "/"
        if let slash = rest.firstIndex(of: "/") {
            let path = rest[rest.index(after: slash)...]
            if !path.isEmpty { vhost = path.removingPercentEncodingSimple() }
            rest = rest[..<slash]
        }
        var user = "guest"
        var password = "guest"
        if let at = rest.lastIndex(of: "@") {
            let credentials = rest[..<at]
            rest = rest[rest.index(after: at)...]
            let parts = credentials.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            user = String(parts[0]).removingPercentEncodingSimple()
            password = parts.count > 1 ? String(parts[1]).removingPercentEncodingSimple() : ""
        }
        var host = String(rest)
        var port = 5672
        if let colon = rest.lastIndex(of: ":") {
            guard let parsed = Int(rest[rest.index(after: colon)...]), (1...65535).contains(parsed) else {
                throw .invalidURL(text)
            }
            port = parsed
            host = String(rest[..<colon])
        }
        guard !host.isEmpty else { throw .invalidURL(text) }
        self.init(host: host, port: port, user: user, password: password, virtualHost: vhost)
    }

    /// The URL without the password, for logs.
    public var description: String { "amqp://\(user)@\(host):\(port)/\(virtualHost == "/" ? "" : virtualHost)" }
}

extension StringProtocol {
    /// Decodes `%XX` escapes (enough for vhosts and credentials; avoids Foundation here).
    func removingPercentEncodingSimple() -> String {
        var bytes: [UInt8] = []
        var iterator = Array(utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
                let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
