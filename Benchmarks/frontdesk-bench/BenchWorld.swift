import BenchmarkSupport
import Contracts
import FrontDesk
import Logging
import Messaging
import Storage
import TestKit

/// What the benchmark seeds in the fresh schema: one municipality (Arnhem), a consultant who
/// takes and passes on every request, and one partner organisation with its queue declared, as
/// the service declares it at start-up.
struct BenchWorld: Sendable {
    let staff: StaffMember
    let partnerID: PartnerID
    let partnerQueue: Topology.Queue

    static func seed(pool: ConnectionPool, url: AMQPURL, admin: BrokerAdmin, logger: Logger) async throws -> BenchWorld {
        let municipality = MunicipalityCode.arnhem
        let staff = StaffMember(
            id: StaffID("bench.consulent"),
            municipality: municipality,
            displayName: "Bench Consulent",
            role: .consultant,
            team: "noord"
        )
        let partnerID = PartnerID("bench-sociaal-werk")
        let partner = Partner(
            id: partnerID,
            name: "Sociaal werk (benchmark)",
            municipality: municipality,
            categories: [.socialNetwork, .basicADL],
            offer: "Maatjes en ontmoeting in de wijk.",
            queueName: FrontDeskTopology.partnerQueueName(FrontDeskTopology.organisation(partnerID, of: municipality))
        )
        let hash = await StaffAuthenticator.hash("bench-wachtwoord", cost: 4)
        try await pool.withTransaction { tx in
            try StaffRepository.insert(staff, passwordHash: hash, in: tx)
            try PartnerRepository.insert(partner, in: tx)
        }
        let partnerKey = FrontDeskTopology.organisation(partnerID, of: municipality)
        let partnerQueue = FrontDeskTopology.partnerQueue(partnerKey)
        try? await admin.delete(partnerQueue)  // a fresh queue: nothing left from an earlier run
        try await PartnerQueues(url: url, logger: logger).declare([partnerKey])
        return BenchWorld(staff: staff, partnerID: partnerID, partnerQueue: partnerQueue)
    }

    /// Registers `count` persons through the use case (tell once), `workers` at a time.
    func registerPersons(_ count: Int, with service: FrontDeskService, workers: Int) async throws -> [Person] {
        let numbers = Self.bsnNumbers(count)
        let staff = staff
        return try await concurrently(count, workers: workers) { index in
            try await service.registerPerson(
                PersonInput(
                    bsn: numbers[index],
                    givenNames: "Jan",
                    familyName: "Jansen",
                    birthDate: "31-03-1948",
                    street: "Rijnkade",
                    houseNumber: 1 + index % 200,
                    postcode: "6811 AB",
                    city: "Arnhem",
                    district: "Centrum",
                    phone: "026 123 45 67",
                    email: "jan.jansen@example.nl",
                    preferredChannel: .phone
                ),
                by: staff
            )
        }
    }

    /// `count` distinct numbers that pass the eleven-test: an eight-digit prefix and the check
    /// digit that makes 9·d1 + 8·d2 + … + 2·d8 − d9 divisible by 11 (prefixes needing 10 skipped).
    static func bsnNumbers(_ count: Int) -> [String] {
        var numbers: [String] = []
        numbers.reserveCapacity(count)
        var prefix = 10_000_000
        while numbers.count < count {
            let digits = String(prefix).utf8.map { Int($0) - 48 }
            let sum = digits.enumerated().reduce(0) { $0 + (9 - $1.offset) * $1.element }
            if sum % 11 < 10 { numbers.append("\(prefix)\(sum % 11)") }
            prefix += 1
        }
        return numbers
    }
}
