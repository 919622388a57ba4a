public import Foundation

/// Overdracht van de regie: the recorded hand-over from one coordinator (regisseur) to the next.
///
/// SPEC P3 and §2: a change of coordinator is a recorded hand-over, never a gap, so the
/// household always has exactly one point of contact once the first one is assigned.
public struct CoordinatorHandOver: Sendable, Hashable, Codable {
    /// The coordinator handing over.
    public var from: StaffID
    /// The coordinator taking over.
    public var to: StaffID
    /// When the new coordinator took over.
    public var at: Date
    /// Why (e.g. leave, change of team, the citizen's wish), at most 1000 characters.
    public var reason: String
    /// Who recorded the hand-over (P7: who, when, why).
    public var recordedBy: StaffID

    /// Creates a hand-over record; `Household.handOver(to:at:reason:recordedBy:)` checks it.
    public init(from: StaffID, to: StaffID, at: Date, reason: String, recordedBy: StaffID) {
        self.from = from
        self.to = to
        self.at = at
        self.reason = reason
        self.recordedBy = recordedBy
    }
}
