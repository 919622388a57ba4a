import Contracts
import Foundation
import Storage
import StoredVocabulary
import WorkingDays

/// Volunteers (their own data, registered with their consent), and their load: the proposed,
/// accepted and active matches they have.
enum VolunteerRepository {
    /// Stores `volunteer`, or replaces the stored one with the same id.
    static func save(_ volunteer: Volunteer, registeredAt now: Date, in tx: Transaction) throws {
        let certificateDay = volunteer.certificate.issuedOn?.description
        try tx.query(
            """
            INSERT INTO volunteers (id, municipality, centre, centre_reference, name, phone, email, consented_at, postcode, district,
                latitude, longitude, tasks, availability, max_distance_km, languages, vog_status, vog_date, max_matches, pauses, active,
                registered_at)
            VALUES (\(volunteer.id), \(volunteer.municipality.rawValue), \(volunteer.centre?.description), \(volunteer.centreReference),
                \(volunteer.contact.name), \(volunteer.contact.phone), \(volunteer.contact.email), \(volunteer.consentedAt),
                \(volunteer.postcode), \(volunteer.place.district), \(volunteer.place.latitude), \(volunteer.place.longitude),
                \(volunteer.tasks.map(\.rawValue).sorted())::text[], \(Int(volunteer.availability.mask)), \(volunteer.maxDistanceKm),
                \(volunteer.languages.sorted())::text[], \(volunteer.certificate.status.rawValue), \(certificateDay)::date,
                \(volunteer.maxMatches), \(try StoredJSON.text(volunteer.pauses))::jsonb, \(volunteer.isActive), \(now))
            ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, phone = EXCLUDED.phone, email = EXCLUDED.email,
                consented_at = EXCLUDED.consented_at, postcode = EXCLUDED.postcode, district = EXCLUDED.district,
                latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude, tasks = EXCLUDED.tasks,
                availability = EXCLUDED.availability, max_distance_km = EXCLUDED.max_distance_km, languages = EXCLUDED.languages,
                vog_status = EXCLUDED.vog_status, vog_date = EXCLUDED.vog_date, max_matches = EXCLUDED.max_matches,
                pauses = EXCLUDED.pauses, active = EXCLUDED.active
            """
        )
    }

    static let columns = SQLFragment(
        """
        v.id, v.municipality, v.centre, v.centre_reference, v.name, v.phone, v.email, v.consented_at, v.postcode, v.district,
        v.latitude, v.longitude, v.tasks, v.availability, v.max_distance_km, v.languages, v.vog_status, v.vog_date::text AS vog_date,
        v.max_matches, v.pauses::text AS pauses, v.active
        """
    )

    static func find(_ id: UUID, municipality: MunicipalityCode, in tx: Transaction) throws -> Volunteer? {
        try tx.query(
            "SELECT \(columns) FROM volunteers v WHERE v.id = \(id) AND v.municipality = \(municipality.rawValue)"
        ).rows.first.map(volunteer)
    }

    /// The volunteer `centre` registered as `reference`.
    static func find(centre: OrganisationKey, reference: String, in tx: Transaction) throws -> Volunteer? {
        try tx.query(
            "SELECT \(columns) FROM volunteers v WHERE v.centre = \(centre.description) AND v.centre_reference = \(reference)"
        ).rows.first.map(volunteer)
    }

    /// The municipality's (or one centre's) volunteers, by name, each with their load.
    static func list(municipality: MunicipalityCode, centre: OrganisationKey?, limit: Int, in tx: Transaction) throws -> [(Volunteer, Int)] {
        try tx.query(
            """
            SELECT \(columns), l.load FROM volunteers v
            LEFT JOIN LATERAL (SELECT count(*)::integer AS load FROM proposals p
                WHERE p.volunteer_id = v.id AND p.status IN ('proposed', 'accepted', 'active')) l ON true
            WHERE v.municipality = \(municipality.rawValue) AND (\(centre?.description)::text IS NULL OR v.centre = \(centre?.description))
            ORDER BY v.name, v.id LIMIT \(limit)
            """
        ).rows.map { row in (try volunteer(row), try row.decode(Int.self, "load")) }
    }

    /// The active volunteers of `municipality` who offer `task`, with their load: the input of
    /// `MatchScorer.rank`.
    static func candidates(for task: VolunteerTask, in municipality: MunicipalityCode, tx: Transaction) throws -> [MatchScorer.Candidate] {
        try tx.query(
            """
            SELECT \(columns), v.open_matches AS load FROM volunteers v
            WHERE v.active AND v.municipality = \(municipality.rawValue) AND v.tasks @> ARRAY[\(task.rawValue)]::text[]
            """
        ).rows.map { row in MatchScorer.Candidate(volunteer: try volunteer(row), load: try row.decode(Int.self, "load")) }
    }

    /// The volunteers `ids` of `municipality` as they are now, with their load (the counter of
    /// migration 0002): the shortlist of `CandidateIndex`, read fresh for `MatchScorer`.
    static func candidates(_ ids: [UUID], in municipality: MunicipalityCode, tx: Transaction) throws -> [MatchScorer.Candidate] {
        guard !ids.isEmpty else { return [] }
        return try tx.query(
            """
            SELECT \(columns), v.open_matches AS load FROM volunteers v
            WHERE v.id = ANY (\(ids.map { $0.uuidString.lowercased() })::uuid[]) AND v.municipality = \(municipality.rawValue)
            """
        ).rows.map { row in MatchScorer.Candidate(volunteer: try volunteer(row), load: try row.decode(Int.self, "load")) }
    }

    /// Current load of one volunteer.
    static func load(of id: UUID, in tx: Transaction) throws -> Int {
        try tx.query(
            "SELECT count(*)::integer AS load FROM proposals WHERE volunteer_id = \(id) AND status IN ('proposed', 'accepted', 'active')"
        ).rows.first?.decode(Int.self, "load") ?? 0
    }

    static func volunteer(_ row: Row) throws -> Volunteer {
        let municipality = try row.municipality()
        guard let place = try row.place(municipality: municipality) else {
            throw StorageError.decodingFailed(column: "district", expected: "a district with its centre", found: nil)
        }
        return Volunteer(
            id: try row.decode(UUID.self, "id"),
            municipality: municipality,
            centre: try row.optionalParsed("centre", as: "OrganisationKey", OrganisationKey.init),
            centreReference: try row.decodeIfPresent(String.self, "centre_reference"),
            contact: try row.contact(),
            consentedAt: try row.decode(Date.self, "consented_at"),
            postcode: try row.decode(String.self, "postcode"),
            place: place,
            tasks: Set(try row.values(VolunteerTask.self, "tasks")),
            availability: WeeklyAvailability(mask: UInt32(truncatingIfNeeded: try row.decode(Int.self, "availability"))),
            maxDistanceKm: try row.decode(Int.self, "max_distance_km"),
            languages: Set(try row.decode([String].self, "languages")),
            certificate: CertificateOfConduct(
                stored: try row.value(CertificateOfConduct.Status.self, "vog_status"),
                issuedOn: try row.optionalLocalDate("vog_date")
            ),
            maxMatches: try row.decode(Int.self, "max_matches"),
            pauses: try StoredJSON.decode([Volunteer.Pause].self, try row.decode(String.self, "pauses"), column: "pauses"),
            isActive: try row.decode(Bool.self, "active")
        )
    }
}
