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
    /// On its own, a region forwarding to the national index, or the national index.
    public var federation: FederationRole
    /// The municipalities this instance keeps the index of (empty: every one); signals of other
    /// municipalities' organisations are another region's and left alone.
    public var municipalities: Set<MunicipalityCode>
    /// The second family rule: young people at the same address (not on the municipality's
    /// register of excluded addresses) form a family too. Off by default.
    public var matchesAddresses: Bool

    public init(
        keyer: SubjectKeyer,
        coordinatorRule: CoordinatorRule = .municipality,
        coordinators: [MunicipalityCode: OrganisationKey] = [:],
        attentionAfter: TimeInterval = 14 * 86_400,
        calendar: WorkingDayCalendar = WorkingDayCalendar(),
        federation: FederationRole = .standalone,
        municipalities: Set<MunicipalityCode> = [],
        matchesAddresses: Bool = false
    ) {
        self.matchesAddresses = matchesAddresses
        self.federation = federation
        self.municipalities = municipalities
        self.keyer = keyer
        self.coordinatorRule = coordinatorRule
        self.coordinators = coordinators
        self.attentionAfter = attentionAfter
        self.calendar = calendar
    }

    /// True when this instance keeps the index of `municipality`.
    public func serves(_ municipality: MunicipalityCode) -> Bool { municipalities.isEmpty || municipalities.contains(municipality) }
}
