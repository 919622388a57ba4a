import Contracts
import Foundation
import FrontDesk
import Storage

/// A region's data, loaded straight into the front desk's schema with `generate_series` (the
/// use cases would take hours for millions of rows): persons with valid BSNs spread over the
/// municipalities in blocks, so each postcode holds about twenty of them; requests, most of them
/// closed history, the open ones with a stored statutory term and their work-list columns
/// filled as `WorkListRepository.refresh` would; consultants in two teams per municipality.
struct RegionData: Sendable {
    let municipalities: [MunicipalityCode]
    let consultantsPerMunicipality: Int
    let persons: Int
    let requests: Int
    /// Share of requests still open (the rest is closed history).
    let openShare: Double

    /// The demo region: Gelderland-Midden and Rijk van Nijmegen, twelve municipalities.
    static let region: [MunicipalityCode] = [
        "0202", "0268", "0228", "0200", "0203", "0213", "0221", "0226", "0274", "0275", "0293", "0299",
    ].compactMap(MunicipalityCode.init)

    static let password = "region-bench"

    /// Staff id of consultant `index` of `municipality`; teams are the even and odd ones.
    func consultant(_ index: Int, of municipality: MunicipalityCode) -> StaffMember {
        StaffMember(
            id: StaffID("c\(municipality.rawValue)-\(index)"),
            municipality: municipality,
            displayName: "Consulent \(index)",
            role: .consultant,
            team: TeamID("t\(municipality.rawValue)-\(index % 2)")
        )
    }

    static let partnerID = PartnerID("sociaal-werk")

    /// Loads everything; returns the seconds it took.
    func load(pool: ConnectionPool) async throws -> Double {
        let start = ContinuousClock.now
        let hash = await StaffAuthenticator.hash(Self.password, cost: 4)
        try await pool.withTransaction { tx in
            for municipality in municipalities {
                for index in 0..<consultantsPerMunicipality {
                    try StaffRepository.insert(consultant(index, of: municipality), passwordHash: hash, in: tx)
                }
                try PartnerRepository.insert(
                    Partner(
                        id: Self.partnerID,
                        name: "Sociaal werk",
                        municipality: municipality,
                        categories: [.socialNetwork, .basicADL],
                        offer: "Maatjes en ontmoeting.",
                        queueName: FrontDeskTopology.partnerQueueName(FrontDeskTopology.organisation(Self.partnerID, of: municipality))
                    ),
                    in: tx
                )
            }
        }
        let codes = "ARRAY[" + municipalities.map { "'\($0.rawValue)'" }.joined(separator: ",") + "]"
        let count = municipalities.count
        let open = Int(Double(requests) * openShare)
        try await pool.withConnection { connection in
            try connection.executeSimple("SET statement_timeout = 0; SET maintenance_work_mem = '1GB'; SET work_mem = '256MB'")
            // Persons: BSN = 8-digit base + eleven-test check digit (bases whose check would be 10
            // are skipped); 240 persons in a row share a municipality, 12 in a row a postcode.
            try connection.executeSimple(
                """
                INSERT INTO persons (id, municipality, subject_ref, bsn, given_names, family_name_prefix, family_name,
                    birth_date, street, house_number, postcode, city, district, core, phone, email, preferred_channel,
                    language, registered_by)
                SELECT gen_random_uuid(), (\(codes))[1 + (n / 240) % \(count)], gen_random_uuid(), bsn,
                    (ARRAY['Jan','Fatima','Anna','Mohammed','Sanne','Daan','Noor','Liam','Emma','Sem'])[1 + n % 10],
                    CASE WHEN n % 4 = 0 THEN 'van' END, 'Achternaam' || (n % 5000), date '1930-01-01' + (n % 30000)::int,
                    'Straat ' || (n % 997), 1 + n % 300,
                    lpad((1000 + (n / 12) % 9000)::text, 4, '0') || ' ' || chr((65 + (n / 108000) % 26)::int) || chr((65 + (n / 2808000) % 26)::int),
                    'Stad', 'Wijk ' || (n % 20), 'Kern', '06' || lpad((n % 100000000)::text, 8, '0'),
                    'persoon' || n || '@example.nl', 'phone', 'nl', 'region-bench'
                FROM (
                    SELECT row_number() OVER () - 1 AS n, base::text || check_digit::text AS bsn FROM (
                        SELECT base, (9 * (base / 10000000 % 10) + 8 * (base / 1000000 % 10) + 7 * (base / 100000 % 10)
                            + 6 * (base / 10000 % 10) + 5 * (base / 1000 % 10) + 4 * (base / 100 % 10)
                            + 3 * (base / 10 % 10) + 2 * (base % 10)) % 11 AS check_digit
                        FROM generate_series(10000000, 10000000 + \(persons * 12 / 10 + 1000)) AS base
                    ) candidates WHERE check_digit < 10 LIMIT \(persons)
                ) numbered
                """
            )
            try connection.executeSimple(
                """
                CREATE TEMP TABLE bench_persons AS
                    SELECT row_number() OVER (ORDER BY id) - 1 AS n, id, municipality FROM persons;
                CREATE INDEX ON bench_persons (n);
                ANALYZE bench_persons;
                """
            )
            // Requests: the first `open` are open (received in the last 60 days, an investigation
            // term 6 weeks later), the others closed within the last two years. Request g belongs
            // to person g mod persons; its handler is one of that municipality's consultants.
            try connection.executeSimple(
                """
                INSERT INTO requests (id, municipality, person_id, kind, channel, source, categories, text,
                    clarified_question, urgency, status, handler, team, received_at, updated_at, closed_at, outcome,
                    terms_version, statutory_kind, statutory_due, next_due)
                SELECT gen_random_uuid(), p.municipality, p.id, 'notification', 'counter', 'self',
                    '{social-network}', 'Ik zoek hulp, verzoek ' || g,
                    'Ondersteuning bij eenzaamheid en het huishouden, verzoek ' || g, 'normal',
                    CASE WHEN g < \(open) THEN 'clarifying' ELSE 'closed' END,
                    'c' || p.municipality || '-' || (g % \(consultantsPerMunicipality)),
                    't' || p.municipality || '-' || (g % \(consultantsPerMunicipality) % 2),
                    received, received, CASE WHEN g >= \(open) THEN received + interval '20 days' END,
                    CASE WHEN g >= \(open) THEN 'resolved' END, 1,
                    CASE WHEN g < \(open) THEN 'investigation' END,
                    CASE WHEN g < \(open) THEN (received + interval '42 days')::date END,
                    CASE WHEN g < \(open) THEN (received + interval '42 days')::date END
                FROM (
                    SELECT g, CASE WHEN g < \(open) THEN now() - (g % 60) * interval '1 day'
                        ELSE now() - (60 + g % 700) * interval '1 day' END AS received
                    FROM generate_series(0, \(requests - 1)) AS g
                ) r
                JOIN bench_persons p ON p.n = r.g % \(persons)
                """
            )
            try connection.executeSimple(
                """
                INSERT INTO request_deadlines (request_id, municipality, kind, start_day, due_day)
                SELECT id, municipality, 'investigation', received_at::date, statutory_due FROM requests
                WHERE status <> 'closed';
                DROP TABLE bench_persons;
                """
            )
            // VACUUM runs only as a statement of its own.
            try connection.executeSimple("VACUUM ANALYZE")
        }
        return (ContinuousClock.now - start).seconds
    }
}
