/// Afspraak warme overdracht: how fast a partner must respond to a passed-on request (SPEC P5).
public struct ReferralSLA: Sendable, Hashable, Codable {
    /// Working days, after the day it was passed on, within which the partner accepts.
    public var acceptWithinWorkingDays: Int
    /// Working days, after the day it was passed on, within which the partner reports first
    /// contact with the citizen.
    public var contactWithinWorkingDays: Int

    /// Creates an agreement.
    public init(acceptWithinWorkingDays: Int, contactWithinWorkingDays: Int) {
        self.acceptWithinWorkingDays = acceptWithinWorkingDays
        self.contactWithinWorkingDays = contactWithinWorkingDays
    }

    /// The default of SPEC §2: accept within 2 working days, first contact within 5.
    public static let standard = ReferralSLA(acceptWithinWorkingDays: 2, contactWithinWorkingDays: 5)
}
