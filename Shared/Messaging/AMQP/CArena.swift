import CRabbitMQ
import Foundation

/// Owns the C memory that one librabbitmq call reads (strings, tables, properties) and frees
/// it when the call is done. `amqp_cstring_bytes` on a Swift string would point at a
/// temporary; copies made here live as long as the arena.
final class CArena {
    private var allocations: [UnsafeMutableRawPointer] = []

    deinit {
        for allocation in allocations { free(allocation) }
    }

    /// A copy of `text` as `amqp_bytes_t`.
    func bytes(_ text: String) -> amqp_bytes_t {
        var utf8 = Array(text.utf8)
        guard !utf8.isEmpty else { return amqp_empty_bytes }
        let memory = malloc(utf8.count)!
        allocations.append(memory)
        utf8.withUnsafeMutableBytes { memory.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
        return amqp_bytes_t(len: utf8.count, bytes: memory)
    }

    /// A field table with copies of every key and value.
    func table(_ fields: [String: FieldValue]) -> amqp_table_t {
        guard !fields.isEmpty else { return amqp_empty_table }
        let entries = malloc(MemoryLayout<amqp_table_entry_t>.stride * fields.count)!
        allocations.append(entries)
        let typed = entries.bindMemory(to: amqp_table_entry_t.self, capacity: fields.count)
        for (index, (key, value)) in fields.sorted(by: { $0.key < $1.key }).enumerated() {
            var entry = amqp_table_entry_t()
            entry.key = bytes(key)
            switch value {
            case .string(let text):
                entry.value.kind = UInt8(AMQP_FIELD_KIND_UTF8.rawValue)
                entry.value.value.bytes = bytes(text)
            case .int(let number):
                entry.value.kind = UInt8(AMQP_FIELD_KIND_I64.rawValue)
                entry.value.value.i64 = number
            case .bool(let flag):
                entry.value.kind = UInt8(AMQP_FIELD_KIND_BOOLEAN.rawValue)
                entry.value.value.boolean = flag ? 1 : 0
            }
            typed[index] = entry
        }
        return amqp_table_t(num_entries: Int32(fields.count), entries: typed)
    }

    /// The C properties for `properties`, with the flags of the fields that are set.
    func properties(_ properties: MessageProperties) -> amqp_basic_properties_t {
        var result = amqp_basic_properties_t()
        var flags: UInt32 = 0
        if let value = properties.contentType {
            result.content_type = bytes(value)
            flags |= UInt32(AMQP_BASIC_CONTENT_TYPE_FLAG)
        }
        result.delivery_mode = properties.persistent ? 2 : 1
        flags |= UInt32(AMQP_BASIC_DELIVERY_MODE_FLAG)
        if let value = properties.messageId {
            result.message_id = bytes(value)
            flags |= UInt32(AMQP_BASIC_MESSAGE_ID_FLAG)
        }
        if let value = properties.type {
            result.type = bytes(value)
            flags |= UInt32(AMQP_BASIC_TYPE_FLAG)
        }
        if let value = properties.correlationId {
            result.correlation_id = bytes(value)
            flags |= UInt32(AMQP_BASIC_CORRELATION_ID_FLAG)
        }
        if let value = properties.timestamp {
            result.timestamp = UInt64(max(0, value.timeIntervalSince1970))
            flags |= UInt32(AMQP_BASIC_TIMESTAMP_FLAG)
        }
        if let value = properties.appId {
            result.app_id = bytes(value)
            flags |= UInt32(AMQP_BASIC_APP_ID_FLAG)
        }
        if let value = properties.userId {
            result.user_id = bytes(value)
            flags |= UInt32(AMQP_BASIC_USER_ID_FLAG)
        }
        if let value = properties.expiration {
            result.expiration = bytes(value)
            flags |= UInt32(AMQP_BASIC_EXPIRATION_FLAG)
        }
        if !properties.headers.isEmpty {
            result.headers = table(properties.headers)
            flags |= UInt32(AMQP_BASIC_HEADERS_FLAG)
        }
        result._flags = flags
        return result
    }

    /// Reads the properties of a received message (copies everything out of C memory).
    static func read(_ c: amqp_basic_properties_t) -> MessageProperties {
        let flags = UInt32(c._flags)
        func has(_ flag: Int32) -> Bool { flags & UInt32(flag) != 0 }
        var properties = MessageProperties()
        properties.contentType = has(AMQP_BASIC_CONTENT_TYPE_FLAG) ? c.content_type.string : nil
        properties.persistent = has(AMQP_BASIC_DELIVERY_MODE_FLAG) && c.delivery_mode == 2
        properties.messageId = has(AMQP_BASIC_MESSAGE_ID_FLAG) ? c.message_id.string : nil
        properties.type = has(AMQP_BASIC_TYPE_FLAG) ? c.type.string : nil
        properties.correlationId = has(AMQP_BASIC_CORRELATION_ID_FLAG) ? c.correlation_id.string : nil
        properties.timestamp =
            has(AMQP_BASIC_TIMESTAMP_FLAG) ? Date(timeIntervalSince1970: TimeInterval(c.timestamp)) : nil
        properties.appId = has(AMQP_BASIC_APP_ID_FLAG) ? c.app_id.string : nil
        properties.userId = has(AMQP_BASIC_USER_ID_FLAG) ? c.user_id.string : nil
        properties.expiration = has(AMQP_BASIC_EXPIRATION_FLAG) ? c.expiration.string : nil
        if has(AMQP_BASIC_HEADERS_FLAG), c.headers.num_entries > 0, let entries = c.headers.entries {
            for index in 0..<Int(c.headers.num_entries) {
                let entry = entries[index]
                let key = entry.key.string
                switch Int(entry.value.kind) {
                case Int(AMQP_FIELD_KIND_UTF8.rawValue), Int(AMQP_FIELD_KIND_BYTES.rawValue):
                    properties.headers[key] = .string(entry.value.value.bytes.string)
                case Int(AMQP_FIELD_KIND_I64.rawValue): properties.headers[key] = .int(entry.value.value.i64)
                case Int(AMQP_FIELD_KIND_I32.rawValue): properties.headers[key] = .int(Int64(entry.value.value.i32))
                case Int(AMQP_FIELD_KIND_U32.rawValue): properties.headers[key] = .int(Int64(entry.value.value.u32))
                case Int(AMQP_FIELD_KIND_I16.rawValue): properties.headers[key] = .int(Int64(entry.value.value.i16))
                case Int(AMQP_FIELD_KIND_I8.rawValue): properties.headers[key] = .int(Int64(entry.value.value.i8))
                case Int(AMQP_FIELD_KIND_U8.rawValue): properties.headers[key] = .int(Int64(entry.value.value.u8))
                case Int(AMQP_FIELD_KIND_BOOLEAN.rawValue): properties.headers[key] = .bool(entry.value.value.boolean != 0)
                default: continue  // nested tables and arrays (x-death) are not needed here
                }
            }
        }
        return properties
    }
}
