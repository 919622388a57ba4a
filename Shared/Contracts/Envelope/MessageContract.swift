/// A message type of the published contract: its routing type, schema version and rules.
///
/// Every message a service or partner sends is one of these, wrapped in an `Envelope`.
/// The AsyncAPI document in `docs/asyncapi.yaml` lists the same types and versions; a test
/// checks the two agree.
public protocol MessageContract: Codable, Sendable {
    /// The `type` of the message and its routing key, e.g. `frontdesk.request.passed-on`.
    static var messageType: String { get }
    /// The version this code writes; it reads any minor version of the same major.
    static var schemaVersion: SchemaVersion { get }
    /// Checks what the type system cannot (lengths, ranges, non-empty lists).
    func validate() throws(ContractViolation)
}

extension MessageContract {
    public func validate() throws(ContractViolation) {}
}

/// Why a message does not meet its contract; the reason goes into the dead-letter header.
public struct ContractViolation: Error, Sendable, CustomStringConvertible, Equatable {
    public let field: String
    public let problem: String

    public init(field: String, problem: String) {
        self.field = field
        self.problem = problem
    }

    public var description: String { "\(field): \(problem)" }

    /// Throws unless `text` has between `range.lowerBound` and `range.upperBound` characters.
    public static func check(_ text: String, _ field: String, length range: ClosedRange<Int>) throws(ContractViolation) {
        guard range.contains(text.count) else {
            throw ContractViolation(field: field, problem: "must be \(range.lowerBound)-\(range.upperBound) characters, is \(text.count)")
        }
    }
}
