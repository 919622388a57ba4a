public import Foundation
import Storage

extension FrontDeskService {
    /// The informal carers matching flagged as overburdened in the staff member's municipality,
    /// heaviest first: every staff member doing casework sees them (outreach is the desk's, not
    /// one consultant's). Showing a cared-for client's name is written in the access log.
    public func carerOutreach(by staff: StaffMember, now: Date? = nil) async throws -> [CarerOutreach] {
        try staff.require(.casework)
        let now = now ?? clock()
        return try await transaction { tx in
            let items = try CarerOutreachRepository.open(municipality: staff.municipality, in: tx)
            try AccessLog.recordReads(
                staff: staff.id.rawValue,
                municipality: staff.municipality,
                personIDs: items.compactMap(\.personID),
                action: .viewWorkList,
                reason: .casework,
                context: "werklijst mantelzorgers onder hoge belasting",
                at: now,
                in: tx
            )
            return items
        }
    }

    /// Records that `staff` reached out to the carer; `false` when the item was no longer open
    /// (a colleague handled it first).
    public func markCarerOutreachHandled(_ carerID: UUID, by staff: StaffMember, now: Date? = nil) async throws -> Bool {
        try staff.require(.casework)
        let now = now ?? clock()
        return try await transaction { tx in
            try CarerOutreachRepository.markHandled(
                carerID: carerID,
                municipality: staff.municipality,
                by: staff.id.rawValue,
                at: now,
                in: tx
            )
        }
    }
}
