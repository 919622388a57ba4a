public import Contracts
public import Foundation
public import WorkingDays

/// The rules the referral index runs with (from `ReferralIndexConfiguration` or a test).
public struct ReferralIndexSettings: Sendable {
    public var keyer: SubjectKeyer
    public var coordinatorRule: CoordinatorRule
    /// The municipality's coordinator organisation per municipality (rule `municipality`).
    public var coordinators: [MunicipalityCode: OrganisationKey]
    /// After how long a match without a central contact or coordination is on the work list.
    public var attentionAfter: TimeInterval
    /// The calendar that says which day it is in the Netherlands.
    public var calendar: WorkingDayCalendar

    public init(
        keyer: SubjectKeyer,
        coordinatorRule: CoordinatorRule = .municipality,
        coordinators: [MunicipalityCode: OrganisationKey] = [:],
        attentionAfter: TimeInterval = 14 * 86_400,
        calendar: WorkingDayCalendar = WorkingDayCalendar()
    ) {
        self.keyer = keyer
        self.coordinatorRule = coordinatorRule
        self.coordinators = coordinators
        self.attentionAfter = attentionAfter
        self.calendar = calendar
    }
}
