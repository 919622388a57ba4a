import Contracts
import Matching
import Storage

/// The volunteers loaded before the chain is measured: `count` active volunteers spread evenly
/// over every district of the reference map (so over Arnhem, Nijmegen and Overbetuwe), each
/// registered by their municipality's bench centre, with one to two tasks, random availability
/// (the low 21 bits of a hash), 2-15 km travel, a VOG for two in three, one to three matches.
/// Set-based SQL (`generate_series`): 100,000 load in seconds.
enum BenchVolunteers {
    /// The bench centre of `municipality`: it registered all its volunteers.
    static func centre(of municipality: MunicipalityCode) -> OrganisationKey {
        OrganisationKey(municipality: municipality, id: "bench-centre")
    }

    static func load(_ count: Int, places: [DistrictMap.Place], in pool: ConnectionPool) async throws {
        let tasks = "ARRAY[" + VolunteerTask.allCases.map { "'\($0.rawValue)'" }.joined(separator: ",") + "]"
        let districts = places.enumerated().map { index, place in
            "(\(index), '\(place.municipality.rawValue)', '\(place.district)', \(place.latitude), \(place.longitude))"
        }.joined(separator: ",\n")
        let taskCount = VolunteerTask.allCases.count
        let statement = """
            INSERT INTO volunteers (id, municipality, centre, centre_reference, name, phone, email, consented_at, postcode,
                district, latitude, longitude, tasks, availability, max_distance_km, languages, vog_status, vog_date,
                max_matches, pauses, active, registered_at)
            SELECT md5('v' || i)::uuid, d.municipality, d.municipality || '-bench-centre', 'B-' || i, 'Vrijwilliger ' || i,
                '0612345678', NULL, now() - interval '30 days', '6811', d.district, d.latitude, d.longitude,
                CASE WHEN i % 2 = 0 THEN ARRAY[(\(tasks))[1 + i % \(taskCount)]]
                    ELSE ARRAY[(\(tasks))[1 + i % \(taskCount)], (\(tasks))[1 + (i / \(taskCount) + 1 + i) % \(taskCount)]] END,
                (hashtext('a' || i) & 2097151) | 1, 2 + i % 14,
                CASE WHEN i % 5 = 0 THEN ARRAY['nl', 'tr'] ELSE ARRAY['nl'] END,
                CASE WHEN i % 3 = 0 THEN 'none' ELSE 'issued' END,
                CASE WHEN i % 3 = 0 THEN NULL ELSE current_date - (i % 1000) END,
                1 + i % 3, '[]', true, now() - interval '30 days'
            FROM generate_series(1, \(count)) AS i
            JOIN (VALUES \(districts)) AS d (k, municipality, district, latitude, longitude) ON d.k = i % \(places.count)
            """
        _ = try await pool.withConnection { connection in
            try connection.executeSimple("SET statement_timeout = 0; \(statement); ANALYZE volunteers; RESET statement_timeout")
        }
    }
}
