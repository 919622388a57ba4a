public import Foundation
import Storage

/// How a work list is asked for.
public struct WorkListQuery: Sendable, Hashable {
    /// Mine or my team's.
    public var scope: WorkListScope
    /// The order.
    public var sort: WorkListSort
    /// Only what needs action today.
    public var attentionOnly: Bool
    /// The page, from 1.
    public var page: Int
    /// Rows per page (1-200).
    public var pageSize: Int

    /// Creates a query; out-of-range pages and sizes are clamped.
    public init(
        scope: WorkListScope = .mine,
        sort: WorkListSort = .dueFirst,
        attentionOnly: Bool = false,
        page: Int = 1,
        pageSize: Int = 50
    ) {
        self.scope = scope
        self.sort = sort
        self.attentionOnly = attentionOnly
        self.page = min(max(1, page), 100_000)
        self.pageSize = min(max(1, pageSize), 200)
    }
}

extension FrontDeskService {
    /// Werkvoorraad: a page of the staff member's (or their team's) open requests, sorted by the
    /// earliest due day, with counts over the whole list (SPEC §2, P5). The names on the page are
    /// personal data: showing them is written in the access log, one entry per person shown.
    /// - Parameter now: the moment to judge at (default the service's clock).
    public func workList(_ query: WorkListQuery, by staff: StaffMember, now: Date? = nil) async throws -> WorkList {
        try staff.require(.casework)
        let now = now ?? clock()
        let today = calendar.day(of: now)
        let owner: WorkListRepository.Owner
        switch query.scope {
        case .mine: owner = .handler(staff.id)
        case .team:
            guard let team = staff.team else {
                return WorkList(
                    scope: .team,
                    day: today,
                    sort: query.sort,
                    attentionOnly: query.attentionOnly,
                    page: 1,
                    pageSize: query.pageSize,
                    counts: .init(overdue: 0, dueToday: 0, escalations: 0, open: 0, attention: 0),
                    rows: []
                )
            }
            owner = .team(team)
        }
        return try await transaction { tx in
            let counts = try WorkListRepository.counts(owner, municipality: staff.municipality, today: today, in: tx)
            let page = try WorkListRepository.page(
                owner,
                municipality: staff.municipality,
                today: today,
                query: query,
                in: tx
            )
            try AccessLog.recordReads(
                staff: staff.id.rawValue,
                municipality: staff.municipality,
                personIDs: page.compactMap(\.personID),
                action: .viewWorkList,
                reason: .casework,
                context: "werklijst \(query.scope.rawValue) pagina \(query.page)",
                at: now,
                in: tx
            )
            return WorkList(
                scope: query.scope,
                day: today,
                sort: query.sort,
                attentionOnly: query.attentionOnly,
                page: query.page,
                pageSize: query.pageSize,
                counts: counts,
                rows: page.map(\.row)
            )
        }
    }
}
