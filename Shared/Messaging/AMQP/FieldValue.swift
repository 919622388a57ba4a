/// A value in an AMQP field table (queue arguments, message headers).
///
/// Every AMQP 0-9-1 field kind a peer may send has a case or a lossless mapping (see
/// `FieldTableReader`), so a header of any type is read, never a trap or a silent drop.
public indirect enum FieldValue: Sendable, Hashable, CustomStringConvertible {
    case string(String)
    case int(Int64)
    case bool(Bool)
    /// `f` and `d` (float, double), and decimals.
    case double(Double)
    /// A byte string that is not valid UTF-8 (`x` kind, or `S` with invalid bytes).
    case bytes([UInt8])
    /// `T`: seconds since 1970 (unsigned on the wire; kept as sent).
    case timestamp(UInt64)
    /// `A`: an array (e.g. `x-death`).
    case array([FieldValue])
    /// `F`: a nested table.
    case table([String: FieldValue])
    /// `V`: no value.
    case void

    public var description: String {
        switch self {
        case .string(let text): text
        case .int(let number): String(number)
        case .bool(let flag): String(flag)
        case .double(let number): String(number)
        case .bytes(let bytes): bytes.map { String($0, radix: 16) }.joined()
        case .timestamp(let seconds): String(seconds)
        case .array(let items): "[" + items.map(\.description).joined(separator: ",") + "]"
        case .table(let fields):
            "{" + fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",") + "}"
        case .void: ""
        }
    }

    /// The value as text, whatever its kind.
    public var stringValue: String { description }

    /// The value as a whole number when it is one (or text holding one), else `nil`.
    public var integerValue: Int64? {
        switch self {
        case .int(let number): number
        case .string(let text): Int64(text)
        case .timestamp(let seconds): seconds <= UInt64(Int64.max) ? Int64(seconds) : nil
        default: nil
        }
    }
}

extension FieldValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}
