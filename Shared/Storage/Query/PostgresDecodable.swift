public import Foundation

/// A Swift value that can be read from a column in PostgreSQL's text format.
public protocol PostgresDecodable: Sendable {
    /// Builds the value from the column text; `nil` when the text does not fit.
    init?(postgresText text: String)
}

extension String: PostgresDecodable {
    public init?(postgresText text: String) { self = text }
}

extension Int: PostgresDecodable {
    public init?(postgresText text: String) { self.init(text) }
}

extension Int64: PostgresDecodable {
    public init?(postgresText text: String) { self.init(text) }
}

extension Int32: PostgresDecodable {
    public init?(postgresText text: String) { self.init(text) }
}

extension Double: PostgresDecodable {
    public init?(postgresText text: String) { self.init(text) }
}

extension Bool: PostgresDecodable {
    public init?(postgresText text: String) {
        switch text {
        case "t", "true": self = true
        case "f", "false": self = false
        default: return nil
        }
    }
}

extension UUID: PostgresDecodable {
    public init?(postgresText text: String) { self.init(uuidString: text) }
}

extension Date: PostgresDecodable {
    public init?(postgresText text: String) {
        guard let date = PostgresDateFormat.parse(text) else { return nil }
        self = date
    }
}

extension Data: PostgresDecodable {
    /// bytea in hex form (`\x0a0b`).
    public init?(postgresText text: String) {
        func nibble(_ byte: UInt8) -> UInt8? {
            switch byte {
            case 48...57: byte - 48
            case 97...102: byte - 87
            case 65...70: byte - 55
            default: nil
            }
        }
        // Into a buffer of the final size: appending byte by byte to a Data costs a relay more
        // than publishing the message.
        var text = text
        let decoded: [UInt8]? = text.withUTF8 { hex in
            guard hex.count >= 2, hex[0] == UInt8(ascii: "\\"), hex[1] == UInt8(ascii: "x"), hex.count % 2 == 0 else { return nil }
            var bytes = [UInt8](repeating: 0, count: (hex.count - 2) / 2)
            var index = 2
            var valid = true
            bytes.withUnsafeMutableBufferPointer { out in
                for offset in 0..<out.count {
                    guard let high = nibble(hex[index]), let low = nibble(hex[index + 1]) else {
                        valid = false
                        return
                    }
                    out[offset] = high << 4 | low
                    index += 2
                }
            }
            return valid ? bytes : nil
        }
        guard let decoded else { return nil }
        self = Data(decoded)
    }
}

extension Array: PostgresDecodable where Element: PostgresDecodable {
    /// A one-dimensional array literal such as `{a,"b c",NULL}` (NULL elements are skipped).
    public init?(postgresText text: String) {
        guard text.hasPrefix("{"), text.hasSuffix("}") else { return nil }
        var items: [Element] = []
        var current = ""
        var quoted = false
        var wasQuoted = false
        var escaped = false
        func finish() -> Bool {
            defer {
                current = ""
                wasQuoted = false
            }
            if !wasQuoted && current == "NULL" { return true }
            if !wasQuoted && current.isEmpty { return true }
            guard let item = Element(postgresText: current) else { return false }
            items.append(item)
            return true
        }
        for character in text.dropFirst().dropLast() {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" && quoted {
                escaped = true
            } else if character == "\"" {
                quoted.toggle()
                wasQuoted = true
            } else if character == "," && !quoted {
                guard finish() else { return nil }
            } else {
                current.append(character)
            }
        }
        guard finish() else { return nil }
        self = items
    }
}
