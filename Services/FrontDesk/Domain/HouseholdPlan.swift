public import Foundation

/// Plan van aanpak: the household plan the coordinator and the citizen write together
/// ("één gezin, één plan, één regisseur"). The domain tracks only its existence and period;
/// the content and access grants live with the plan pages.
public struct HouseholdPlan: Sendable, Hashable, Codable, Identifiable {
    /// Id of the plan.
    public var id: UUID
    /// When the plan became active.
    public var startedAt: Date
    /// Who started it (the coordinator at the time).
    public var startedBy: StaffID
    /// When it ended; `nil` while active.
    public var endedAt: Date?
    /// Who ended it.
    public var endedBy: StaffID?

    /// Creates a plan record.
    public init(id: UUID = UUID(), startedAt: Date, startedBy: StaffID, endedAt: Date? = nil, endedBy: StaffID? = nil) {
        self.id = id
        self.startedAt = startedAt
        self.startedBy = startedBy
        self.endedAt = endedAt
        self.endedBy = endedBy
    }

    /// `true` while the plan has not ended.
    public var isActive: Bool { endedAt == nil }
}
