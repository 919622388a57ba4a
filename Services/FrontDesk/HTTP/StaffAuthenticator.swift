public import Foundation
public import ServiceHTTP
public import Storage

/// Logs staff members in against the desk's `staff` table (bcrypt, throttled, audited: see
/// `PasswordAuthenticator`).
public typealias StaffAuthenticator = PasswordAuthenticator<StaffMember>

extension PasswordAuthenticator where Account == StaffMember {
    /// The desk's authenticator over `staff`.
    public convenience init(pool: ConnectionPool, cost: UInt8 = 10, cacheLifetime: TimeInterval = 60, trustedProxies: Set<String> = []) {
        self.init(pool: pool, cost: cost, cacheLifetime: cacheLifetime, trustedProxies: trustedProxies) { username, tx in
            try StaffRepository.find(username: username, in: tx).map {
                StoredAccount(account: $0.staff, passwordHash: $0.passwordHash, isActive: $0.isActive)
            }
        }
    }
}
