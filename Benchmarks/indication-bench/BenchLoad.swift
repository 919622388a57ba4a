import Indication
import Storage

/// The data loaded before the measurement: `cases` decided cases spread over ten
/// municipalities, one decision and two granted in-kind lines each, and two acknowledged
/// allocations per case to the municipality's bench provider (`<code>-benchzorg`), valid for a
/// year from a start spread over the past and coming months. Set-based SQL (`generate_series`),
/// so a million cases load in minutes; ids are derived from the row number (md5), so the tables
/// refer to each other without a lookup.
enum BenchLoad {
    static let municipalities = ["0202", "0268", "1734", "0200", "0344", "0363", "0518", "0599", "0014", "0080"]

    static func load(cases: Int, in pool: ConnectionPool) async throws {
        let codes = "ARRAY[" + municipalities.map { "'\($0)'" }.joined(separator: ",") + "]"
        let statements = [
            """
            INSERT INTO cases (id, request_id, municipality, subject_ref, adults, children, informal_carers, question, findings,
                domains, urgency, received_at, application_day, decision_due, status, route, reindications, decided_at)
            SELECT md5('c' || i)::uuid, md5('r' || i)::uuid, (\(codes))[1 + i % 10], md5('s' || i)::uuid, 1, 0, 0,
                'Hulp bij het huishouden en de persoonlijke verzorging', 'Geen netwerk in de buurt', ARRAY['instrumental-adl'],
                'normal', now() - interval '200 days', current_date - 200, current_date - 186, 'decided', 'municipality', 0,
                now() - interval '190 days'
            FROM generate_series(1, \(cases)) AS i
            """,
            """
            INSERT INTO decisions (id, case_id, municipality, decided_at, decided_by, review_day, own_contribution,
                income_tested, protocol, lines)
            SELECT md5('d' || i)::uuid, md5('c' || i)::uuid, (\(codes))[1 + i % 10], now() - interval '190 days', 'bench',
                NULL, false, true, 'regular', '[]'::jsonb
            FROM generate_series(1, \(cases)) AS i
            """,
            """
            INSERT INTO arrangement_lines (id, case_id, position, layer, delivered_by, activity, category, volume, unit,
                intended_result, p4_reason, status, added_by, added_at)
            SELECT md5('l' || i || '-' || k)::uuid, md5('c' || i)::uuid, k, 'individual-provision', 'Thuiszorg',
                'Schoonmaken en verzorgen', CASE k WHEN 1 THEN 'household-help' ELSE 'personal-care' END, 3, 'hours-per-week',
                'Zelfstandig thuis wonen', 'Netwerk en algemene voorzieningen volstaan niet', 'decided', 'bench',
                now() - interval '190 days'
            FROM generate_series(1, \(cases)) AS i, generate_series(1, 2) AS k
            """,
            """
            INSERT INTO allocations (id, case_id, decision_id, line_id, municipality, subject_ref, provider, category, volume,
                unit, valid_from, valid_until, tariff_cents, issued_at, receipt_due, status, receipt_at, monthly_cost_cents)
            SELECT md5('a' || i || '-' || k)::uuid, md5('c' || i)::uuid, md5('d' || i)::uuid, md5('l' || i || '-' || k)::uuid,
                (\(codes))[1 + i % 10], md5('s' || i)::uuid, (\(codes))[1 + i % 10] || '-benchzorg',
                CASE k WHEN 1 THEN 'household-help' ELSE 'personal-care' END, 3, 'hours-per-week',
                current_date - 180 + i % 360, current_date + 185 + i % 360, CASE k WHEN 1 THEN 3250 ELSE 5500 END,
                now() - interval '190 days', current_date - 187, 'acknowledged', now() - interval '189 days',
                CASE k WHEN 1 THEN 42250 ELSE 71500 END
            FROM generate_series(1, \(cases)) AS i, generate_series(1, 2) AS k
            """,
            BudgetLedger.rebuildSQL,
            "ANALYZE",
        ]
        // A bulk load takes longer than the pool's statement timeout allows a service query.
        for statement in statements {
            _ = try await pool.withConnection { try $0.executeSimple("SET statement_timeout = 0; " + statement + "; RESET statement_timeout") }
        }
    }
}
