import CRabbitMQ
import Foundation

extension amqp_bytes_t {
    /// A copy of the bytes; empty for a null pointer or a zero length (librabbitmq hands out
    /// a NULL pointer for an empty body, and `Data(bytes:count:)` traps on NULL).
    var data: Data {
        guard let bytes, len > 0 else { return Data() }
        return Data(bytes: bytes, count: len)
    }

    /// The bytes as a UTF-8 string: empty for a null pointer, invalid sequences replaced by
    /// U+FFFD (a peer may send any bytes in a short string).
    var string: String {
        guard let bytes, len > 0 else { return "" }
        return String(decoding: UnsafeRawBufferPointer(start: bytes, count: len), as: UTF8.self)
    }

    /// The bytes as a string when they are valid UTF-8 without NUL, else `nil`.
    var strictString: String? {
        guard let bytes, len > 0 else { return "" }
        let buffer = UnsafeRawBufferPointer(start: bytes, count: len)
        guard !buffer.contains(0) else { return nil }
        return String(validating: buffer, as: UTF8.self)
    }

    /// A copy of the bytes as an array.
    var array: [UInt8] {
        guard let bytes, len > 0 else { return [] }
        return Array(UnsafeRawBufferPointer(start: bytes, count: len))
    }
}
