public import Storage

/// The front desk's schema: persons live here and only here (SPEC P2).
///
/// Every table carries `municipality` (the CBS code, SPEC P6) and every repository filters on
/// it, so staff of one municipality never see another's rows. An applied migration is never
/// edited; a change is a new migration appended to `all`.
public enum FrontDeskMigrations {
    /// All migrations in the order they run (after the kit's outbox and inbox).
    public static let all: [Migration] = [
        staffAndPersons, households, requests, referrals, lettersAndAccessLog, consentEnds, storedTerms,
        needToKnow, regionScale, loginsAndSessions, deaths, carerOutreach,
    ]

    /// The informal carers matching flagged as overburdened (`matching.carer.overburdened`), for
    /// the desk's outreach: one row per carer, the cared-for person when they are a client.
    static let carerOutreach = Migration(
        "frontdesk-0012-carer-outreach",
        """
        CREATE TABLE carer_outreach (
            carer_id uuid PRIMARY KEY,
            municipality text NOT NULL,
            person_id uuid REFERENCES persons (id),
            burden integer NOT NULL CHECK (burden BETWEEN 0 AND 9),
            hours_per_week integer NOT NULL CHECK (hours_per_week >= 0),
            district text NOT NULL,
            flagged_at timestamptz NOT NULL,
            handled_at timestamptz,
            handled_by text
        );
        CREATE INDEX carer_outreach_open ON carer_outreach (municipality, burden DESC, flagged_at) WHERE handled_at IS NULL;
        """
    )

    /// The day a person died, as the population register reported it (`recordDeath`).
    static let deaths = Migration("frontdesk-0011-deaths", "ALTER TABLE persons ADD COLUMN deceased_on date;")

    /// Medewerkers, personen.
    static let staffAndPersons = Migration(
        "frontdesk-0001-staff-persons",
        """
        CREATE TABLE staff (
            id uuid PRIMARY KEY,
            municipality text NOT NULL,
            username text NOT NULL UNIQUE,
            display_name text NOT NULL,
            role text NOT NULL CHECK (role IN ('consultant', 'coordinator', 'administrator')),
            team text,
            password_hash text NOT NULL,
            active boolean NOT NULL DEFAULT true,
            created_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE TABLE persons (
            id uuid PRIMARY KEY,
            municipality text NOT NULL,
            subject_ref uuid NOT NULL UNIQUE,
            bsn text NOT NULL CHECK (bsn ~ '^[0-9]{9}$'),
            given_names text NOT NULL,
            family_name_prefix text,
            family_name text NOT NULL,
            birth_date date NOT NULL,
            street text,
            house_number int,
            house_number_addition text,
            postcode text,
            city text,
            district text,
            core text,
            phone text,
            email text,
            preferred_channel text NOT NULL,
            language text,
            needs_interpreter boolean NOT NULL DEFAULT false,
            representative_name text,
            representative_contact text,
            representative_role text,
            registered_by text NOT NULL,
            registered_at timestamptz NOT NULL DEFAULT now(),
            UNIQUE (municipality, bsn)
        );
        CREATE INDEX persons_by_name ON persons (municipality, lower(family_name), birth_date);
        CREATE INDEX persons_by_postcode ON persons (municipality, postcode);
        """
    )

    /// Huishoudens: leden, mantelzorgers, het ene plan en de ene regisseur (SPEC P3).
    static let households = Migration(
        "frontdesk-0002-households",
        """
        CREATE TABLE households (
            id uuid PRIMARY KEY,
            municipality text NOT NULL,
            coordinator text,
            created_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE TABLE household_members (
            household_id uuid NOT NULL REFERENCES households (id) ON DELETE CASCADE,
            person_id uuid NOT NULL UNIQUE REFERENCES persons (id),
            municipality text NOT NULL,
            relation text NOT NULL,
            position int NOT NULL,
            PRIMARY KEY (household_id, person_id)
        );
        CREATE TABLE informal_carers (
            id uuid PRIMARY KEY,
            household_id uuid NOT NULL REFERENCES households (id) ON DELETE CASCADE,
            municipality text NOT NULL,
            name text NOT NULL,
            relation text NOT NULL,
            contact text NOT NULL,
            position int NOT NULL
        );
        CREATE TABLE household_plans (
            id uuid PRIMARY KEY,
            household_id uuid NOT NULL REFERENCES households (id) ON DELETE CASCADE,
            municipality text NOT NULL,
            started_at timestamptz NOT NULL,
            started_by text NOT NULL,
            ended_at timestamptz
        );
        CREATE UNIQUE INDEX household_plans_one_active ON household_plans (household_id) WHERE ended_at IS NULL;
        CREATE TABLE coordinator_hand_overs (
            id bigserial PRIMARY KEY,
            household_id uuid NOT NULL REFERENCES households (id) ON DELETE CASCADE,
            municipality text NOT NULL,
            from_staff text NOT NULL,
            to_staff text NOT NULL,
            at timestamptz NOT NULL,
            reason text NOT NULL,
            recorded_by text NOT NULL
        );
        """
    )

    /// Hulpvragen met hun routes, gesprekken.
    static let requests = Migration(
        "frontdesk-0003-requests",
        """
        CREATE TABLE requests (
            id uuid PRIMARY KEY,
            municipality text NOT NULL,
            person_id uuid REFERENCES persons (id),
            kind text NOT NULL,
            channel text NOT NULL,
            source text NOT NULL,
            categories text[] NOT NULL DEFAULT '{}',
            text text NOT NULL,
            clarified_question text,
            urgency text NOT NULL,
            status text NOT NULL,
            handler text,
            team text,
            received_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL,
            closed_at timestamptz,
            outcome text,
            close_reason text
        );
        CREATE INDEX requests_open ON requests (municipality, status) WHERE status <> 'closed';
        CREATE INDEX requests_by_person ON requests (person_id);
        CREATE TABLE request_routes (
            id uuid PRIMARY KEY,
            request_id uuid NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
            municipality text NOT NULL,
            position int NOT NULL,
            kind text NOT NULL,
            partner_id text,
            state text NOT NULL,
            opened_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL,
            finished_at timestamptz,
            note text
        );
        CREATE INDEX request_routes_by_request ON request_routes (request_id, position);
        CREATE TABLE conversations (
            id uuid PRIMARY KEY,
            municipality text NOT NULL,
            request_id uuid NOT NULL REFERENCES requests (id),
            held_at timestamptz NOT NULL,
            place text NOT NULL,
            participants jsonb NOT NULL DEFAULT '[]',
            clarified_question text,
            own_strength text,
            needed text,
            intended_result text,
            recorded_by text NOT NULL,
            recorded_at timestamptz NOT NULL
        );
        CREATE INDEX conversations_by_request ON conversations (request_id, held_at);
        """
    )

    /// Sociale kaart, toestemmingen, doorverwijzingen, ontvangen beschikkingen.
    static let referrals = Migration(
        "frontdesk-0004-partners-consents-referrals-decisions",
        """
        CREATE TABLE partners (
            id text NOT NULL CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
            municipality text NOT NULL,
            name text NOT NULL,
            kind text NOT NULL,
            categories text[] NOT NULL DEFAULT '{}',
            districts text[] NOT NULL DEFAULT '{}',
            offer text NOT NULL DEFAULT '',
            queue_name text,
            accept_within_working_days int,
            contact_within_working_days int,
            active boolean NOT NULL DEFAULT true,
            PRIMARY KEY (municipality, id)
        );
        CREATE TABLE consents (
            id uuid PRIMARY KEY,
            municipality text NOT NULL,
            person_id uuid NOT NULL REFERENCES persons (id),
            request_id uuid NOT NULL REFERENCES requests (id),
            partner_id text NOT NULL,
            items text[] NOT NULL,
            given_at timestamptz NOT NULL,
            recorded_by text NOT NULL,
            withdrawn_at timestamptz,
            withdrawn_by text
        );
        CREATE INDEX consents_by_request ON consents (request_id);
        CREATE TABLE referrals (
            id uuid PRIMARY KEY,
            municipality text NOT NULL,
            request_id uuid NOT NULL REFERENCES requests (id),
            route_id uuid NOT NULL REFERENCES request_routes (id),
            partner_id text NOT NULL,
            consent_id uuid NOT NULL REFERENCES consents (id),
            status text NOT NULL,
            passed_on_at timestamptz NOT NULL,
            accept_due date NOT NULL,
            contact_due date NOT NULL,
            accepted_at timestamptz,
            contacted_at timestamptz,
            completed_at timestamptz,
            completion_summary text,
            declined_at timestamptz,
            decline_reason text,
            withdrawn_at timestamptz
        );
        CREATE INDEX referrals_by_request ON referrals (request_id);
        CREATE TABLE decisions (
            id uuid PRIMARY KEY,
            municipality text NOT NULL,
            request_id uuid NOT NULL REFERENCES requests (id),
            person_id uuid NOT NULL REFERENCES persons (id),
            decided_at timestamptz NOT NULL,
            decided_by text NOT NULL,
            content jsonb NOT NULL,
            received_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX decisions_by_request ON decisions (request_id);
        """
    )

    /// Uitgaande post (brieven, e-mails, sms) en het toegangslogboek (SPEC P7).
    static let lettersAndAccessLog = Migration(
        "frontdesk-0005-letters-access-log",
        """
        CREATE TABLE outgoing_letters (
            id uuid PRIMARY KEY,
            municipality text NOT NULL,
            person_id uuid NOT NULL REFERENCES persons (id),
            kind text NOT NULL,
            channel text NOT NULL,
            recipient text NOT NULL,
            subject text NOT NULL,
            body text NOT NULL,
            status text NOT NULL DEFAULT 'queued',
            source_id uuid UNIQUE,
            created_at timestamptz NOT NULL DEFAULT now(),
            sent_at timestamptz
        );
        CREATE INDEX outgoing_letters_queued ON outgoing_letters (created_at) WHERE status = 'queued';
        CREATE TABLE access_log (
            id bigserial PRIMARY KEY,
            municipality text NOT NULL,
            staff text NOT NULL,
            person_id uuid NOT NULL,
            at timestamptz NOT NULL DEFAULT now(),
            action text NOT NULL,
            context text NOT NULL
        );
        CREATE INDEX access_log_by_person ON access_log (person_id, at);
        -- The owner of a table can always UPDATE and DELETE it, so REVOKE cannot make the log
        -- append-only: a trigger refuses both, and TRUNCATE.
        CREATE FUNCTION access_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'access_log is append-only: % is not allowed', TG_OP
                USING ERRCODE = 'insufficient_privilege';
        END
        $$;
        CREATE TRIGGER access_log_no_change BEFORE UPDATE OR DELETE ON access_log
            FOR EACH ROW EXECUTE FUNCTION access_log_is_append_only();
        CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
            FOR EACH STATEMENT EXECUTE FUNCTION access_log_is_append_only();
        """
    )

    /// Why a consent ended (withdrawn by the citizen, the partner declined, the request closed);
    /// consents withdrawn before this column existed were withdrawals.
    static let consentEnds = Migration(
        "frontdesk-0006-consent-ends",
        """
        ALTER TABLE consents ADD COLUMN end_reason text
            CHECK (end_reason IN ('withdrawn', 'declined', 'request-closed'));
        UPDATE consents SET end_reason = 'withdrawn' WHERE withdrawn_at IS NOT NULL;
        """
    )

    /// Termijnen opgeslagen: each request's statutory terms as computed when they started, the
    /// partners' own times next to the desk's receipt times, and the work-list columns (the
    /// earliest open statutory term and warm-referral term per request, kept by
    /// `WorkListRepository.refresh`) with indexes to page a consultant's or a team's list by due
    /// day. Requests from before this migration get their terms at the next start
    /// (`terms_version` 0, see `TermsBackfill`). The access log gets the reason of each read.
    static let storedTerms = Migration(
        "frontdesk-0007-stored-terms",
        """
        CREATE TABLE request_deadlines (
            request_id uuid NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
            municipality text NOT NULL,
            kind text NOT NULL,
            start_day date NOT NULL,
            due_day date NOT NULL,
            met_on date,
            PRIMARY KEY (request_id, kind)
        );
        ALTER TABLE requests
            ADD COLUMN complaints_committee boolean NOT NULL DEFAULT false,
            ADD COLUMN terms_version int NOT NULL DEFAULT 0,
            ADD COLUMN statutory_kind text,
            ADD COLUMN statutory_due date,
            ADD COLUMN referral_term text,
            ADD COLUMN referral_partner text,
            ADD COLUMN referral_due date,
            ADD COLUMN next_due date;
        CREATE INDEX requests_work_list_handler ON requests (municipality, handler, next_due, id) WHERE status <> 'closed';
        CREATE INDEX requests_work_list_team ON requests (municipality, team, next_due, id) WHERE status <> 'closed';
        CREATE INDEX requests_terms_backfill ON requests (id) WHERE terms_version = 0;
        ALTER TABLE referrals
            ADD COLUMN accepted_reported_at timestamptz,
            ADD COLUMN contacted_reported_at timestamptz,
            ADD COLUMN completed_reported_at timestamptz,
            ADD COLUMN declined_reported_at timestamptz;
        -- Why data was read: a fixed list plus the staff member's own words.
        ALTER TABLE access_log
            ADD COLUMN reason text NOT NULL DEFAULT 'casework'
                CHECK (reason IN ('casework', 'intake', 'pass-on', 'citizen-request', 'supervision', 'complaint', 'system')),
            ADD COLUMN reason_text text;
        """
    )

    /// Need to know: the team-lead role (may step in for another coordinator), and who ended
    /// a household plan.
    static let needToKnow = Migration(
        "frontdesk-0008-need-to-know",
        """
        ALTER TABLE staff DROP CONSTRAINT staff_role_check;
        ALTER TABLE staff ADD CONSTRAINT staff_role_check
            CHECK (role IN ('consultant', 'coordinator', 'team-lead', 'administrator'));
        ALTER TABLE household_plans ADD COLUMN ended_by text;
        """
    )

    /// Indexes for a region's scale (scripts/region-bench.sh): persons by birth date (the
    /// name + birth date search leads with it), and the work-list indexes carrying the columns
    /// the counts read, so counting a team of tens of thousands is an index-only scan.
    static let regionScale = Migration(
        "frontdesk-0009-region-scale",
        """
        CREATE INDEX persons_by_birth_date ON persons (municipality, birth_date);
        -- The new indexes first, under new names, then the old ones go: the exclusive lock of
        -- DROP INDEX lasts only to the end of this (short) remainder of the transaction.
        CREATE INDEX requests_work_list_by_handler ON requests (municipality, handler, next_due, id)
            INCLUDE (statutory_due, referral_term, referral_due) WHERE status <> 'closed';
        CREATE INDEX requests_work_list_by_team ON requests (municipality, team, next_due, id)
            INCLUDE (statutory_due, referral_term, referral_due) WHERE status <> 'closed';
        DROP INDEX requests_work_list_handler;
        DROP INDEX requests_work_list_team;
        """
    )

    /// The audit of refused staff logins (append-only, like the access log) and the staff pages'
    /// sessions, shared by every instance (`PostgresSessionStore`; the key is a SHA-256 of the
    /// session id, so reading the table does not hand out sessions).
    static let loginsAndSessions = Migration(
        "frontdesk-0010-logins-sessions",
        """
        -- Refused staff logins (LoginAudit) and the staff pages' sessions (PostgresSessionStore).
        CREATE TABLE IF NOT EXISTS login_refusals (
            id bigserial PRIMARY KEY,
            at timestamptz NOT NULL,
            username text NOT NULL,
            client text,
            channel text NOT NULL,
            reason text NOT NULL
        );
        CREATE INDEX IF NOT EXISTS login_refusals_by_user ON login_refusals (username, at);
        DROP TRIGGER IF EXISTS login_refusals_no_change ON login_refusals;
        CREATE TRIGGER login_refusals_no_change BEFORE UPDATE OR DELETE ON login_refusals
            FOR EACH ROW EXECUTE FUNCTION access_log_is_append_only();
        CREATE TABLE IF NOT EXISTS staff_sessions (
            key text PRIMARY KEY,
            value bytea NOT NULL,
            expires_at timestamptz
        );
        CREATE INDEX IF NOT EXISTS staff_sessions_expiry ON staff_sessions (expires_at);
        """
    )
}
