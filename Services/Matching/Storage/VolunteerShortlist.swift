import Contracts
import Foundation
import Storage
import WorkingDays

/// The database's shortlist for a request: the eligible volunteers by `MatchScorer`'s own rules
/// (task, not declined, not paused, room under their maximum, a valid VOG where required,
/// within their travel distance, some overlap in time), ordered by its score with its weights,
/// best `limit` first; the load is the volunteer's `open_matches` counter (migration 0002). With
/// 100,000 volunteers a request cannot read them all; the scorer then ranks the shortlist, so the
/// proposal and its score parts are still the scorer's. `ShortlistTests` holds the two to the
/// same volunteers in the same order.
enum VolunteerShortlist {
    static func best(
        for request: SupportRequest,
        on day: LocalDate,
        declined: Set<UUID>,
        validityYears: Int,
        limit: Int,
        in tx: Transaction
    ) throws -> [MatchScorer.Candidate] {
        let weights = ScoreParts.weights
        let needed = min(request.timeWindows.slotCount, 3)
        let validDays = validityYears * 365 + validityYears / 4
        let radians = Double.pi / 180
        return try tx.query(
            """
            SELECT \(VolunteerRepository.columns), s.load FROM volunteers v
            CROSS JOIN LATERAL (SELECT v.open_matches AS load,
                bit_count((v.availability & \(Int(request.timeWindows.mask))::integer)::bit(32))::integer AS overlap,
                (\(request.place?.latitude)::float8 - v.latitude) * \(radians)::float8 AS dlat,
                (\(request.place?.longitude)::float8 - v.longitude) * \(radians)::float8 AS dlon) s
            CROSS JOIN LATERAL (SELECT sin(s.dlat / 2) * sin(s.dlat / 2) + cos(v.latitude * \(radians)::float8)
                * cos(\(request.place?.latitude)::float8 * \(radians)::float8) * sin(s.dlon / 2) * sin(s.dlon / 2) AS a) h
            CROSS JOIN LATERAL (SELECT 6371 * 2 * atan2(sqrt(h.a), sqrt(1 - h.a)) AS km) d
            WHERE v.active AND matching_task_keys(v.municipality, v.tasks) @> ARRAY[\(request.municipality.rawValue + "/" + request.task.rawValue)]::text[]
                AND v.municipality = \(request.municipality.rawValue) AND v.tasks @> ARRAY[\(request.task.rawValue)]::text[]
                AND NOT (v.id = ANY (\(declined.map { $0.uuidString.lowercased() })::uuid[]))
                AND (v.pauses = '[]'::jsonb OR NOT EXISTS (SELECT 1 FROM jsonb_array_elements(v.pauses) p
                    WHERE (p ->> 'from')::date <= \(day.description)::date AND (p ->> 'until')::date >= \(day.description)::date))
                AND s.load < v.max_matches
                AND (NOT \(request.certificateRequired)::boolean OR (v.vog_status = 'issued' AND v.vog_date <= \(day.description)::date
                    AND v.vog_date + \(validDays)::integer >= \(day.description)::date))
                AND (d.km IS NULL OR d.km <= v.max_distance_km)
                AND s.overlap > 0
            ORDER BY \(weights.task)::integer + \(weights.availability)::integer * least(s.overlap, \(needed)::integer) / \(needed)::integer
                + coalesce(round((\(weights.distance)::integer * (1 - d.km / greatest(v.max_distance_km, 1)))::numeric)::integer, 0)
                + CASE WHEN \(request.language)::text IS NULL OR \(request.language)::text = ANY (v.languages) THEN \(weights.language)::integer ELSE 0 END
                + \(weights.load)::integer * (v.max_matches - s.load) / v.max_matches DESC, s.load, v.id
            LIMIT \(limit)
            """
        ).rows.map { row in
            MatchScorer.Candidate(volunteer: try VolunteerRepository.volunteer(row), load: try row.decode(Int.self, "load"))
        }
    }
}
