import StaffPages
public import Storage

/// The indication schema: assessors, cases (known by subjectRef only), assessments, the
/// arrangement's lines, decisions, and the access log. The kit's outbox and inbox come first.
public enum IndicationMigrations {
    public static let all: [Migration] = [
        cases, allocations, sessions, providerRequests, budget, arrangementReports, expertiseTeam, budgetLedger,
    ]

    /// The budget's step function per municipality, category and day (`BudgetLedger`), filled
    /// from the allocations so far; it replaces the scan of all allocations (and its index).
    static let budgetLedger = Migration(
        "indication-0008-budget-ledger",
        """
        CREATE TABLE budget_ledger (
            municipality text NOT NULL,
            category text NOT NULL,
            day date NOT NULL,
            cents bigint NOT NULL,
            PRIMARY KEY (municipality, category, day)
        );
        \(BudgetLedger.rebuildSQL);
        DROP INDEX allocations_committed;
        """
    )

    /// Members of the municipality's expertise team (multi-problem cases, provisions outside a
    /// regular assessor's mandate).
    static let expertiseTeam = Migration(
        "indication-0007-expertise-team",
        "ALTER TABLE assessors ADD COLUMN expertise_team boolean NOT NULL DEFAULT false;"
    )

    /// Neighbourhood teams' reports (through the desk) that an arrangement no longer suffices.
    static let arrangementReports = Migration(
        "indication-0006-arrangement-reports",
        """
        CREATE TABLE arrangement_reports (
            message_id uuid PRIMARY KEY,
            case_id uuid NOT NULL REFERENCES cases (id),
            reported_by text NOT NULL,
            reason text NOT NULL,
            received_at timestamptz NOT NULL
        );
        CREATE INDEX arrangement_reports_case ON arrangement_reports (case_id, received_at);
        """
    )

    /// The budget view: each allocation's monthly cost (computed by `Allocation.monthlyCostCents`
    /// when issued; filled here for allocations issued before), an index for the committed cost
    /// of a municipality, and the overrun signals already sent (once per municipality, part and
    /// month).
    static let budget = Migration(
        "indication-0005-budget",
        """
        ALTER TABLE allocations ADD COLUMN monthly_cost_cents bigint;
        UPDATE allocations SET monthly_cost_cents = round(CASE
            WHEN unit IN ('hours-per-week', 'day-parts-per-week') THEN coalesce(volume, 1)::numeric * 52 / 12 * tariff_cents
            WHEN unit IN ('days-per-year', 'trips-per-year') THEN coalesce(volume, 1)::numeric / 12 * tariff_cents
            ELSE coalesce(volume, 1)::numeric * tariff_cents END);
        ALTER TABLE allocations ALTER COLUMN monthly_cost_cents SET NOT NULL;
        CREATE INDEX allocations_committed ON allocations (municipality, valid_from)
            WHERE status IN ('issued', 'acknowledged');
        CREATE TABLE budget_signals (
            municipality text NOT NULL,
            part text NOT NULL,
            month text NOT NULL,
            committed_cents bigint NOT NULL,
            signalled_at timestamptz NOT NULL,
            PRIMARY KEY (municipality, part, month)
        );
        """
    )

    /// Providers' requests for a new or changed allocation (iWmo WMO315/317), answered with
    /// WMO319. The request is kept as a JSON document; the columns are what the work list and
    /// the handlers look up by. One row per provider message (`message_id`): a redelivery has no
    /// second effect.
    static let providerRequests = Migration(
        "indication-0004-provider-requests",
        """
        CREATE TABLE provider_requests (
            id uuid PRIMARY KEY,
            message_id uuid NOT NULL UNIQUE,
            case_id uuid NOT NULL REFERENCES cases (id),
            municipality text NOT NULL,
            provider text NOT NULL,
            status text NOT NULL CHECK (status IN ('received', 'under-investigation', 'accepted', 'granted', 'refused')),
            line_id uuid REFERENCES arrangement_lines (id),
            document jsonb NOT NULL
        );
        CREATE INDEX provider_requests_open ON provider_requests (case_id) WHERE status IN ('received', 'under-investigation', 'accepted');
        """
    )

    /// The assessors' page sessions (the same table as every service with staff pages).
    static let sessions = Migration("indication-0003-sessions", StaffSessionTable.sql)

    /// Allocations to providers (iWmo 301/302/305/307), with the receipt watch's index.
    static let allocations = Migration(
        "indication-0002-allocations",
        """
        CREATE TABLE allocations (
            id uuid PRIMARY KEY,
            case_id uuid NOT NULL REFERENCES cases (id),
            decision_id uuid NOT NULL REFERENCES decisions (id),
            line_id uuid NOT NULL REFERENCES arrangement_lines (id),
            municipality text NOT NULL,
            subject_ref uuid NOT NULL,
            provider text NOT NULL,
            category text NOT NULL,
            volume double precision,
            unit text,
            valid_from date NOT NULL,
            valid_until date,
            tariff_cents int NOT NULL,
            issued_at timestamptz NOT NULL,
            receipt_due date NOT NULL,
            status text NOT NULL,
            receipt_at timestamptz,
            retour_codes text[] NOT NULL DEFAULT '{}',
            escalated_at timestamptz,
            start_date date,
            stop_date date,
            stop_reason text
        );
        CREATE INDEX allocations_by_provider ON allocations (provider, subject_ref);
        CREATE INDEX allocations_by_case ON allocations (case_id);
        CREATE INDEX allocations_awaiting_receipt ON allocations (receipt_due) WHERE status = 'issued' AND escalated_at IS NULL;
        """
    )

    static let cases = Migration(
        "indication-0001-cases",
        """
        CREATE FUNCTION indication_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'append-only table %', TG_TABLE_NAME; END $$;

        -- Indicatiestellers, with bcrypt hashes (PasswordAuthenticator).
        CREATE TABLE assessors (
            id uuid PRIMARY KEY,
            municipality text NOT NULL,
            username text NOT NULL UNIQUE,
            display_name text NOT NULL,
            password_hash text NOT NULL,
            active boolean NOT NULL DEFAULT true
        );
        CREATE TABLE login_refusals (
            id bigserial PRIMARY KEY,
            at timestamptz NOT NULL,
            username text NOT NULL,
            client text,
            channel text NOT NULL,
            reason text NOT NULL
        );
        CREATE TRIGGER login_refusals_no_change BEFORE UPDATE OR DELETE ON login_refusals
            FOR EACH ROW EXECUTE FUNCTION indication_append_only();

        -- One case per request of the desk; no name, BSN or address, only the subjectRef.
        CREATE TABLE cases (
            id uuid PRIMARY KEY,
            request_id uuid NOT NULL,
            municipality text NOT NULL,
            subject_ref uuid NOT NULL,
            adults int NOT NULL,
            children int NOT NULL,
            informal_carers int NOT NULL,
            question text NOT NULL,
            findings text NOT NULL,
            domains text[] NOT NULL,
            urgency text NOT NULL,
            received_at timestamptz NOT NULL,
            application_day date NOT NULL,
            decision_due date NOT NULL,
            status text NOT NULL,
            route text NOT NULL,
            assignee text,
            profile jsonb,
            advice jsonb,
            reindications int NOT NULL DEFAULT 0,
            decided_at timestamptz,
            UNIQUE (municipality, request_id)
        );
        CREATE INDEX cases_open ON cases (municipality, decision_due) WHERE status <> 'decided';
        CREATE INDEX cases_by_subject ON cases (municipality, subject_ref);

        CREATE TABLE assessments (
            id uuid PRIMARY KEY,
            case_id uuid NOT NULL REFERENCES cases (id),
            assessed_at timestamptz NOT NULL,
            assessed_by text NOT NULL,
            list_version text NOT NULL,
            scores jsonb NOT NULL,
            notes text
        );
        CREATE INDEX assessments_by_case ON assessments (case_id, assessed_at);

        CREATE TABLE arrangement_lines (
            id uuid PRIMARY KEY,
            case_id uuid NOT NULL REFERENCES cases (id),
            position int NOT NULL,
            layer text NOT NULL,
            delivered_by text NOT NULL,
            activity text NOT NULL,
            category text,
            task text,
            volume double precision,
            unit text,
            intended_result text NOT NULL,
            reciprocal_contribution text,
            p4_reason text,
            status text NOT NULL,
            status_reason text,
            added_by text NOT NULL,
            added_at timestamptz NOT NULL,
            -- P4 in the schema too: no individual provision without the reason.
            CHECK (layer <> 'individual-provision' OR (p4_reason IS NOT NULL AND category IS NOT NULL))
        );
        CREATE INDEX arrangement_lines_by_case ON arrangement_lines (case_id, position);
        CREATE INDEX arrangement_lines_failed ON arrangement_lines (case_id) WHERE status = 'failed';

        CREATE TABLE decisions (
            id uuid PRIMARY KEY,
            case_id uuid NOT NULL REFERENCES cases (id),
            municipality text NOT NULL,
            decided_at timestamptz NOT NULL,
            decided_by text NOT NULL,
            review_day date,
            own_contribution boolean NOT NULL,
            income_tested boolean NOT NULL,
            protocol text NOT NULL,
            lines jsonb NOT NULL
        );
        CREATE INDEX decisions_by_case ON decisions (case_id, decided_at);
        CREATE INDEX decisions_review ON decisions (municipality, review_day) WHERE review_day IS NOT NULL;

        -- Who read or changed which case, and why (append-only).
        CREATE TABLE access_log (
            id bigserial PRIMARY KEY,
            at timestamptz NOT NULL,
            municipality text NOT NULL,
            assessor text NOT NULL,
            case_id uuid NOT NULL,
            action text NOT NULL
        );
        CREATE INDEX access_log_by_case ON access_log (case_id, at);
        CREATE TRIGGER access_log_no_change BEFORE UPDATE OR DELETE ON access_log
            FOR EACH ROW EXECUTE FUNCTION indication_append_only();
        """
    )
}
