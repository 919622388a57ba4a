public import Contracts
public import Foundation
public import Storage

/// Demo data for `front-desk seed-demo`: two municipalities (0202 Arnhem, 0268 Nijmegen), a few
/// staff accounts each, partners on the social map, and persons with requests, so a new user
/// can click through the whole flow. Idempotent: what exists already is left as it is.
public enum DemoData {
    /// A login to print.
    public struct Login: Sendable, Hashable {
        public var username: String
        public var password: String
        public var displayName: String
        public var role: StaffRole
        public var municipality: MunicipalityCode
    }

    /// Writes what is missing and returns every demo login.
    /// - Parameter bcryptCost: cost of the password hashes of new accounts.
    @discardableResult
    public static func seed(pool: ConnectionPool, bcryptCost: UInt8, now: Date = Date()) async throws -> [Login] {
        var hashes: [String: String] = [:]
        for login in logins { hashes[login.username] = await StaffAuthenticator.hash(login.password, cost: bcryptCost) }
        let passwordHashes = hashes
        try await pool.withTransaction { tx in
            for login in logins where try StaffRepository.find(username: login.username, in: tx) == nil {
                try StaffRepository.insert(staff(login), passwordHash: passwordHashes[login.username]!, in: tx)
            }
            for partner in partners { try PartnerRepository.insertIfAbsent(partner, in: tx) }
            for (person, request) in persons(now: now) {
                guard try PersonRepository.find(byBSN: person.bsn, municipality: person.municipality, in: tx) == nil else {
                    continue
                }
                try PersonRepository.insert(person, registeredBy: "seed-demo", in: tx)
                try RequestRepository.save(request, in: tx)
            }
        }
        return logins
    }

    /// The partner organisations whose queues must exist.
    /// The broker names of the demo partners that take referrals (one queue and login each).
    public static var partnerKeys: [OrganisationKey] {
        Array(Set(partners.filter(\.canReceiveReferrals).map { FrontDeskTopology.organisation($0.id, of: $0.municipality) })).sorted()
    }

    static let logins: [Login] = [
        Login(username: "anna.arnhem", password: "wmo-demo-anna", displayName: "Anna de Boer", role: .consultant, municipality: .arnhem),
        Login(username: "bram.arnhem", password: "wmo-demo-bram", displayName: "Bram Visser", role: .coordinator, municipality: .arnhem),
        Login(
            username: "beheer.arnhem",
            password: "wmo-demo-beheer-arnhem",
            displayName: "Beheer Arnhem",
            role: .administrator,
            municipality: .arnhem
        ),
        Login(username: "noor.nijmegen", password: "wmo-demo-noor", displayName: "Noor El Amrani", role: .consultant, municipality: .nijmegen),
        Login(username: "daan.nijmegen", password: "wmo-demo-daan", displayName: "Daan Jansen", role: .coordinator, municipality: .nijmegen),
        Login(
            username: "beheer.nijmegen",
            password: "wmo-demo-beheer-nijmegen",
            displayName: "Beheer Nijmegen",
            role: .administrator,
            municipality: .nijmegen
        ),
    ]

    static func team(_ municipality: MunicipalityCode) -> TeamID {
        municipality == .arnhem ? "arnhem-noord" : "nijmegen-oost"
    }

    static func staff(_ login: Login) -> StaffMember {
        StaffMember(
            id: StaffID(login.username),
            municipality: login.municipality,
            displayName: login.displayName,
            role: login.role,
            team: login.role == .administrator ? nil : team(login.municipality)
        )
    }
}
