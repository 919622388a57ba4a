import Foundation
import Storage

/// Loads `count` active signals straight into the schema (SQL, in batches), as ten million
/// signals of a national index would sit there: random subject keys, fifty organisations, a
/// fifth with a parent's key. The secondary indexes are dropped for the load and built again
/// after it, as a bulk load would do.
enum BenchLoad {
    static func load(signals count: Int, in pool: ConnectionPool, progress: (Int) -> Void) async throws {
        guard count > 0 else { return }
        let indexes: [String] = try await pool.withConnection { connection in
            try connection.query(
                SQLQuery(
                    unsafeSQL: """
                        SELECT indexname, indexdef FROM pg_indexes
                        WHERE schemaname = current_schema() AND tablename IN ('signals', 'signal_parents')
                          AND indexname NOT IN ('signals_pkey', 'signal_parents_pkey')
                        """
                )
            ).rows.map { try $0.decode(String.self, "indexdef") }
        }
        let names: [String] = indexes.compactMap { $0.firstMatch(of: /INDEX (\w+) ON/).map { String($0.1) } }
        try await pool.withConnection { connection in
            for name in names { try connection.executeSimple("DROP INDEX \(name)") }
        }
        let batch = 500_000
        var from = 0
        while from < count {
            let (low, to) = (from, min(count, from + batch) - 1)
            try await pool.withConnection { connection in
                try connection.executeSimple(
                    """
                    INSERT INTO signals (id, municipality, subject_key, organisation, professional_name, professional_phone,
                        professional_email, birth_date, young_person_informed, parents_informed, registered_at, refreshed_at,
                        remove_on, status)
                    SELECT md5('s' || i)::uuid, '0202', decode(md5('k' || i) || md5('q' || i), 'hex'), '0202-load-' || (i % 50),
                        'Professional ' || (i % 1000), '026 000 0000', 'p' || (i % 1000) || '@load.example',
                        date '2008-01-01' + (i % 5000), true, true, now(), now(), date '2027-01-01' + (i % 700), 'active'
                    FROM generate_series(\(low), \(to)) AS i;
                    INSERT INTO signal_parents (signal_id, parent_key)
                    SELECT md5('s' || i)::uuid, decode(md5('p' || (i / 3)) || md5('r' || (i / 3)), 'hex')
                    FROM generate_series(\(low), \(to)) AS i WHERE i % 5 = 0;
                    """
                )
            }
            from = to + 1
            progress(from)
        }
        try await pool.withConnection { connection in
            for definition in indexes { try connection.executeSimple(definition) }
            try connection.executeSimple("ANALYZE signals; ANALYZE signal_parents")
        }
    }
}
