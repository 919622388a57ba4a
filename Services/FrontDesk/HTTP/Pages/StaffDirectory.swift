import Foundation
import Storage

/// Loads the logged-in staff member for each page request from the staff table, so a blocked
/// account or a changed role takes effect at the next click rather than at the next login.
struct StaffDirectory: Sendable {
    let pool: ConnectionPool

    /// The active staff member with `username`, or `nil`.
    func activeStaff(_ username: String) async throws -> StaffMember? {
        let account = try await pool.withTransaction { tx in try StaffRepository.find(username: username, in: tx) }
        guard let account, account.isActive else { return nil }
        return account.staff
    }
}
