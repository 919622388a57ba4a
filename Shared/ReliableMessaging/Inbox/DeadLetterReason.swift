public import Contracts

/// Why a message went to the dead-letter queue. The text goes into the
/// `x-wmo-dead-letter-reason` header and the log line with the message id.
public enum DeadLetterReason: Error, Sendable, CustomStringConvertible, Equatable {
    /// Not JSON, or not an envelope.
    case malformed(String)
    /// A type this consumer has no handler for.
    case unknownType(String)
    /// A major version this consumer does not read.
    case unsupportedVersion(type: String, version: SchemaVersion, supportedMajor: Int)
    /// The payload does not decode as its type.
    case invalidPayload(type: String, detail: String)
    /// The payload decodes but breaks a rule of the contract.
    case validationFailed(type: String, detail: String)
    /// The handler refused it.
    case rejected(String)
    /// It came through the organisations' exchange but is not the sender's own message.
    case wrongSender(String)
    /// Too many delayed retries.
    case retriesExhausted(String)
    /// Applying it failed again and again for a reason that is not the database being away
    /// (a constraint, a bug): isolated from its batch and set aside.
    case processingFailed(String)

    public var description: String {
        switch self {
        case .malformed(let detail): "malformed message: \(detail)"
        case .unknownType(let type): "unknown message type '\(type)'"
        case .unsupportedVersion(let type, let version, let major):
            "unsupported schema version \(version) of '\(type)' (this consumer reads \(major).x)"
        case .invalidPayload(let type, let detail): "invalid payload for '\(type)': \(detail)"
        case .validationFailed(let type, let detail): "'\(type)' fails validation: \(detail)"
        case .rejected(let reason): "rejected by handler: \(reason)"
        case .wrongSender(let detail): "wrong sender: \(detail)"
        case .retriesExhausted(let reason): "gave up after retries: \(reason)"
        case .processingFailed(let reason): "could not be applied: \(reason)"
        }
    }
}
