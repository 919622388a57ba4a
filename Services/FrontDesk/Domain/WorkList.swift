import Contracts
public import Foundation

/// Werkvoorraad: what a staff member or team must act on today (SPEC §2): deadlines due today,
/// overdue deadlines and escalated referrals, with counts. Pure: the caller loads the open
/// cases and passes `now`.
public struct WorkList: Sendable, Hashable {
    /// Whose list it is.
    public var scope: Scope
    /// The Amsterdam day the list is for.
    public var day: LocalDate
    /// The items: overdue first (oldest due day first), then escalations, then due today; crises
    /// first among equals.
    public var items: [WorkItem]

    /// Whose work list.
    public enum Scope: Sendable, Hashable {
        /// The cases a staff member handles.
        case staff(StaffID)
        /// The cases of a team, handled by anyone or unassigned.
        case team(TeamID)
    }

    /// Counts per section.
    public struct Counts: Sendable, Hashable, Codable {
        /// Overdue deadlines.
        public var overdue: Int
        /// Deadlines ending today.
        public var dueToday: Int
        /// Escalated referrals.
        public var escalations: Int
        /// All items.
        public var total: Int { overdue + dueToday + escalations }
    }

    /// The counts per section.
    public var counts: Counts {
        Counts(
            overdue: items.count(where: { $0.category == .overdue }),
            dueToday: items.count(where: { $0.category == .dueToday }),
            escalations: items.count(where: { $0.category == .escalation })
        )
    }

    /// The items of one section.
    public func items(in category: WorkItem.Category) -> [WorkItem] { items.filter { $0.category == category } }

    /// Builds the list for `scope` from the open cases.
    public static func build(
        for scope: Scope,
        cases: [WorkListCase],
        policy: WarmReferralPolicy,
        now: Date
    ) -> WorkList {
        let today = policy.calendar.day(of: now)
        let mine = cases.filter { scope.includes($0) }
        var items: [WorkItem] = []
        for item in mine {
            for deadline in item.deadlines {
                let category: WorkItem.Category
                switch deadline.status(on: today) {
                case .overdue: category = .overdue
                case .dueToday: category = .dueToday
                case .upcoming, .metInTime, .metLate: continue
                }
                items.append(
                    WorkItem(
                        requestID: item.requestID,
                        handler: item.handler,
                        team: item.team,
                        urgency: item.urgency,
                        category: category,
                        deadline: deadline
                    )
                )
            }
            for referral in item.referrals {
                guard let escalation = policy.escalation(for: referral, now: now) else { continue }
                items.append(
                    WorkItem(
                        requestID: item.requestID,
                        handler: item.handler,
                        team: item.team,
                        urgency: item.urgency,
                        category: .escalation,
                        escalation: escalation
                    )
                )
            }
        }
        return WorkList(scope: scope, day: today, items: items.sorted(by: ranksBefore))
    }

    /// One list per staff member who handles at least one case (unassigned cases appear only on
    /// team lists).
    public static func perStaff(cases: [WorkListCase], policy: WarmReferralPolicy, now: Date) -> [StaffID: WorkList] {
        let staff = Set(cases.compactMap(\.handler))
        return Dictionary(uniqueKeysWithValues: staff.map { ($0, build(for: .staff($0), cases: cases, policy: policy, now: now)) })
    }

    /// One list per team that has at least one case.
    public static func perTeam(cases: [WorkListCase], policy: WarmReferralPolicy, now: Date) -> [TeamID: WorkList] {
        let teams = Set(cases.compactMap(\.team))
        return Dictionary(uniqueKeysWithValues: teams.map { ($0, build(for: .team($0), cases: cases, policy: policy, now: now)) })
    }

    static func ranksBefore(_ a: WorkItem, _ b: WorkItem) -> Bool {
        let order: [WorkItem.Category] = [.overdue, .escalation, .dueToday]
        let (ia, ib) = (order.firstIndex(of: a.category)!, order.firstIndex(of: b.category)!)
        if ia != ib { return ia < ib }
        if a.sortDay != b.sortDay { return a.sortDay < b.sortDay }
        let urgency: [Urgency] = [.crisis, .high, .normal]
        let (ua, ub) = (urgency.firstIndex(of: a.urgency)!, urgency.firstIndex(of: b.urgency)!)
        if ua != ub { return ua < ub }
        return a.requestID.uuidString < b.requestID.uuidString
    }
}

extension WorkList.Scope {
    func includes(_ item: WorkListCase) -> Bool {
        switch self {
        case .staff(let staff): item.handler == staff
        case .team(let team): item.team == team
        }
    }
}
