import CRabbitMQ
import Foundation

extension Delivery {
    /// Copies a received message out of librabbitmq's memory. Every field may be empty or
    /// NULL (an empty body arrives as a NULL pointer): none of that traps.
    init(_ envelope: amqp_envelope_t, generation: Int) {
        self.init(
            body: envelope.message.body.data,
            properties: CArena.read(envelope.message.properties),
            exchange: envelope.exchange.string,
            routingKey: envelope.routing_key.string,
            deliveryTag: envelope.delivery_tag,
            redelivered: envelope.redelivered != 0,
            generation: generation
        )
    }

    /// Decodes a delivery from the wire encoding of the basic properties (a content header's
    /// property flags and list, as `amqp_decode_properties` reads them) plus a body: the path
    /// a real delivery takes, for the fuzz harness and its corpus. `nil` when librabbitmq
    /// itself refuses the properties (it would close the connection on such a frame).
    static func decoding(encodedProperties: [UInt8], body: Data) -> Delivery? {
        var pool = amqp_pool_t()
        init_amqp_pool(&pool, 4096)
        defer { empty_amqp_pool(&pool) }
        var decoded: UnsafeMutableRawPointer?
        let status = encodedProperties.withUnsafeBytes { raw -> Int32 in
            let bytes = amqp_bytes_t(len: raw.count, bytes: UnsafeMutableRawPointer(mutating: raw.baseAddress))
            return amqp_decode_properties(UInt16(AMQP_BASIC_CLASS), &pool, bytes, &decoded)
        }
        guard status == AMQP_STATUS_OK.rawValue, let decoded else { return nil }
        var envelope = amqp_envelope_t()
        envelope.message.properties = decoded.assumingMemoryBound(to: amqp_basic_properties_t.self).pointee
        envelope.exchange = amqp_empty_bytes
        envelope.routing_key = amqp_empty_bytes
        // The body pointer is read only inside this closure, while the bytes are pinned.
        return body.withUnsafeBytes { raw in
            envelope.message.body = amqp_bytes_t(len: raw.count, bytes: UnsafeMutableRawPointer(mutating: raw.baseAddress))
            return Delivery(envelope, generation: 0)
        }
    }

    /// The wire encoding of `properties` (for the fuzz corpus): the inverse of `decoding`.
    static func encodedProperties(_ properties: MessageProperties) -> [UInt8]? {
        let arena = CArena()
        var c = arena.properties(properties)
        var buffer = [UInt8](repeating: 0, count: 1 << 17)
        let written = buffer.withUnsafeMutableBytes { raw -> Int32 in
            let bytes = amqp_bytes_t(len: raw.count, bytes: raw.baseAddress)
            return amqp_encode_properties(UInt16(AMQP_BASIC_CLASS), &c, bytes)
        }
        return withExtendedLifetime(arena) { written < 0 ? nil : Array(buffer.prefix(Int(written))) }
    }
}
