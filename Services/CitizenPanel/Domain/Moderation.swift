/// A moderator's decision on an open answer or a proposed statement (SPEC §6: open answers and
/// proposals are shown only after moderation).
public struct Moderation: Sendable, Equatable {
    public enum Decision: String, Sendable, Codable, CaseIterable {
        case approve, reject
    }

    public var decision: Decision
    /// Why it was rejected (required then; for a proposal it is what the member could change).
    public var reason: String?

    /// - Throws: `PanelError.invalidModeration` for a rejection without a reason, or a reason over 500 characters.
    public init(decision: Decision, reason: String?) throws(PanelError) {
        let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        if decision == .reject, (reason ?? "").isEmpty { throw .invalidModeration }
        if let reason, reason.count > 500 || Consultation.hasControl(reason) { throw .invalidModeration }
        self.decision = decision
        self.reason = reason?.isEmpty == true ? nil : reason
    }
}
