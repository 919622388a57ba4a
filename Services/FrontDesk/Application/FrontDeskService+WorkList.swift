public import Foundation
import Storage

/// Whose work list to show.
public enum WorkListScope: String, Sendable, Codable, CaseIterable {
    /// The requests the staff member handles.
    case mine
    /// The requests of the staff member's team.
    case team
}

extension FrontDeskService {
    /// Werkvoorraad: overdue deadlines, escalated referrals and what is due today, for the staff
    /// member or their team, with counts (SPEC §2, P5).
    /// - Parameter now: the moment to judge at (default the service's clock).
    public func workList(_ scope: WorkListScope, by staff: StaffMember, now: Date? = nil) async throws -> WorkList {
        try staff.require(.casework)
        let now = now ?? clock()
        let listScope: WorkList.Scope
        switch scope {
        case .mine: listScope = .staff(staff.id)
        case .team:
            guard let team = staff.team else { return WorkList(scope: .staff(staff.id), day: calendar.day(of: now), items: []) }
            listScope = .team(team)
        }
        return try await transaction { tx in
            let requests = try RequestRepository.openRequests(
                municipality: staff.municipality,
                handler: scope == .mine ? staff.id : nil,
                team: scope == .team ? staff.team : nil,
                in: tx
            )
            let ids = requests.map(\.id)
            let referrals = try ReferralRepository.referrals(forRequests: ids, municipality: staff.municipality, in: tx)
            let decisions = try DecisionRepository.decisions(forRequests: ids, municipality: staff.municipality, in: tx)
            let map = try PartnerRepository.socialMap(municipality: staff.municipality, in: tx)
            let policy = WarmReferralPolicy(socialMap: map, standard: standardSLA, calendar: calendar)
            let byRequest = Dictionary(grouping: referrals.map(\.referral), by: \.requestID)
            let cases = requests.map { request in
                WorkListCase(
                    request: request,
                    deadlines: deadlines(of: request, decisions: decisions, now: now),
                    referrals: byRequest[request.id] ?? []
                )
            }
            return WorkList.build(for: listScope, cases: cases, policy: policy, now: now)
        }
    }
}
