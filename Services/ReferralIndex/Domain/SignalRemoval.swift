/// Why a signal left the index; the record stays five years with this reason.
public enum SignalRemoval: String, Sendable, Codable, CaseIterable {
    /// Withdrawn: the worry proved unjustified.
    case unjustified
    /// Withdrawn: the risk is gone.
    case riskGone = "risk-gone"
    /// Two years after it was made.
    case twoYears = "two-years"
    /// The young person turned 23.
    case turned23 = "turned-23"
    /// The desk reported the young person's death.
    case deceased
    /// The municipality switched the index off (the record is purged at once).
    case switchedOff = "switched-off"

    /// True for the reasons a professional gives when withdrawing.
    public var isWithdrawal: Bool { self == .unjustified || self == .riskGone }

    public var dutchName: String {
        switch self {
        case .unjustified: "ingetrokken: zorg bleek ongegrond"
        case .riskGone: "ingetrokken: risico weggenomen"
        case .twoYears: "verwijderd: twee jaar na de melding"
        case .turned23: "verwijderd: 23 jaar geworden"
        case .deceased: "verwijderd: overleden"
        case .switchedOff: "verwijderd: verwijsindex uitgezet"
        }
    }
}
