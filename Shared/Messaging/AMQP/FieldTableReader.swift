import CRabbitMQ
import Foundation

/// Copies AMQP field tables out of librabbitmq's memory into `FieldValue`s.
///
/// Whatever a peer sends (any field kind, unknown kinds, negative counts, NULL entry
/// pointers, invalid UTF-8, unsigned numbers beyond `Int64`, nesting of any depth) becomes a
/// value, never a trap: nesting deeper than `maximumDepth` is cut to `.void`.
enum FieldTableReader {
    /// Deeper nesting than any real header (x-death is three levels) is not followed.
    static let maximumDepth = 16

    static func read(_ table: amqp_table_t, depth: Int = 0) -> [String: FieldValue] {
        guard table.num_entries > 0, let entries = table.entries else { return [:] }
        var result: [String: FieldValue] = [:]
        for index in 0..<Int(table.num_entries) {
            let entry = entries[index]
            result[entry.key.string] = value(entry.value, depth: depth)
        }
        return result
    }

    static func read(_ array: amqp_array_t, depth: Int) -> [FieldValue] {
        guard array.num_entries > 0, let entries = array.entries else { return [] }
        return (0..<Int(array.num_entries)).map { value(entries[$0], depth: depth) }
    }

    static func value(_ field: amqp_field_value_t, depth: Int) -> FieldValue {
        let v = field.value
        switch UInt32(field.kind) {
        case AMQP_FIELD_KIND_UTF8.rawValue:
            return v.bytes.strictString.map(FieldValue.string) ?? .bytes(v.bytes.array)
        case AMQP_FIELD_KIND_BYTES.rawValue: return .bytes(v.bytes.array)
        case AMQP_FIELD_KIND_BOOLEAN.rawValue: return .bool(v.boolean != 0)
        case AMQP_FIELD_KIND_I8.rawValue: return .int(Int64(v.i8))
        case AMQP_FIELD_KIND_U8.rawValue: return .int(Int64(v.u8))
        case AMQP_FIELD_KIND_I16.rawValue: return .int(Int64(v.i16))
        case AMQP_FIELD_KIND_U16.rawValue: return .int(Int64(v.u16))
        case AMQP_FIELD_KIND_I32.rawValue: return .int(Int64(v.i32))
        case AMQP_FIELD_KIND_U32.rawValue: return .int(Int64(v.u32))
        case AMQP_FIELD_KIND_I64.rawValue: return .int(v.i64)
        case AMQP_FIELD_KIND_U64.rawValue:
            // Beyond Int64.max a conversion would trap: keep the digits as text.
            return v.u64 <= UInt64(Int64.max) ? .int(Int64(v.u64)) : .string(String(v.u64))
        case AMQP_FIELD_KIND_F32.rawValue: return .double(Double(v.f32))
        case AMQP_FIELD_KIND_F64.rawValue: return .double(v.f64)
        case AMQP_FIELD_KIND_DECIMAL.rawValue:
            return .double(Double(v.decimal.value) / pow(10, Double(v.decimal.decimals)))
        case AMQP_FIELD_KIND_TIMESTAMP.rawValue: return .timestamp(v.u64)
        case AMQP_FIELD_KIND_TABLE.rawValue:
            return depth < maximumDepth ? .table(read(v.table, depth: depth + 1)) : .void
        case AMQP_FIELD_KIND_ARRAY.rawValue:
            return depth < maximumDepth ? .array(read(v.array, depth: depth + 1)) : .void
        default: return .void  // AMQP_FIELD_KIND_VOID and kinds no specification defines
        }
    }
}
