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
    func bytes(_ text: String) -> amqp_bytes_t { bytes(Array(text.utf8)) }

    /// A field table with copies of every key and value.
    func table(_ fields: [String: FieldValue]) -> amqp_table_t {
        guard !fields.isEmpty else { return amqp_empty_table }
        let entries = malloc(MemoryLayout<amqp_table_entry_t>.stride * fields.count)!
        allocations.append(entries)
        let typed = entries.bindMemory(to: amqp_table_entry_t.self, capacity: fields.count)
        for (index, (key, value)) in fields.sorted(by: { $0.key < $1.key }).enumerated() {
            var entry = amqp_table_entry_t()
            entry.key = bytes(key)
            entry.value = field(value)
            typed[index] = entry
        }
        return amqp_table_t(num_entries: Int32(fields.count), entries: typed)
    }

    /// One C field value (tables and arrays copied recursively).
    func field(_ value: FieldValue) -> amqp_field_value_t {
        var field = amqp_field_value_t()
        func kind(_ kind: amqp_field_value_kind_t) { field.kind = UInt8(kind.rawValue) }
        switch value {
        case .string(let text):
            kind(AMQP_FIELD_KIND_UTF8)
            field.value.bytes = bytes(text)
        case .int(let number):
            kind(AMQP_FIELD_KIND_I64)
            field.value.i64 = number
        case .bool(let flag):
            kind(AMQP_FIELD_KIND_BOOLEAN)
            field.value.boolean = flag ? 1 : 0
        case .double(let number):
            kind(AMQP_FIELD_KIND_F64)
            field.value.f64 = number
        case .bytes(let raw):
            kind(AMQP_FIELD_KIND_BYTES)
            field.value.bytes = bytes(raw)
        case .timestamp(let seconds):
            kind(AMQP_FIELD_KIND_TIMESTAMP)
            field.value.u64 = seconds
        case .array(let items):
            kind(AMQP_FIELD_KIND_ARRAY)
            field.value.array = array(items)
        case .table(let fields):
            kind(AMQP_FIELD_KIND_TABLE)
            field.value.table = table(fields)
        case .void:
            kind(AMQP_FIELD_KIND_VOID)
        }
        return field
    }

    /// A field array with copies of every value.
    func array(_ items: [FieldValue]) -> amqp_array_t {
        guard !items.isEmpty else { return amqp_array_t(num_entries: 0, entries: nil) }
        let entries = malloc(MemoryLayout<amqp_field_value_t>.stride * items.count)!
        allocations.append(entries)
        let typed = entries.bindMemory(to: amqp_field_value_t.self, capacity: items.count)
        for (index, item) in items.enumerated() { typed[index] = field(item) }
        return amqp_array_t(num_entries: Int32(items.count), entries: typed)
    }

    /// A copy of raw bytes as `amqp_bytes_t`.
    func bytes(_ raw: [UInt8]) -> amqp_bytes_t {
        guard !raw.isEmpty else { return amqp_empty_bytes }
        let memory = malloc(raw.count)!
        allocations.append(memory)
        raw.withUnsafeBytes { memory.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
        return amqp_bytes_t(len: raw.count, bytes: memory)
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
            result.timestamp = UInt64(max(0, min(value.timeIntervalSince1970, 1e15)))  // NaN → 0, never a trap
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
        if has(AMQP_BASIC_HEADERS_FLAG) {
            properties.headers = FieldTableReader.read(c.headers)
        }
        return properties
    }
}
