/// Whether the professional informed the young person, and under 16 the parents, of the signal
/// (Jeugdwet 7.1.4.2), or why not.
public struct InformedStatus: Sendable, Hashable, Codable {
    public var youngPerson: Bool
    /// Whether the parents were informed; required under 16, `nil` from 16.
    public var parents: Bool?
    public var reason: NotInformedReason?

    public init(youngPerson: Bool, parents: Bool? = nil, reason: NotInformedReason? = nil) {
        self.youngPerson = youngPerson
        self.parents = parents
        self.reason = reason
    }

    /// Age from which the parents no longer need to be informed.
    public static let parentsUntilAge = 16

    /// Checks the status for a young person of `age`.
    /// - Throws: `ReferralIndexError.parentsInformedMissing` or `.notInformedReasonMissing`.
    public func check(age: Int) throws(ReferralIndexError) {
        if age < Self.parentsUntilAge, parents == nil { throw .parentsInformedMissing }
        let everyoneInformed = youngPerson && (age >= Self.parentsUntilAge || parents == true)
        if !everyoneInformed, reason == nil { throw .notInformedReasonMissing }
    }
}
