import ServiceHTTP
import StaffPages
public import Storage

/// The matching schema: the municipality's coordinators and the volunteer centres (API key
/// hashes only), volunteers and informal carers (their own data, with their consent), requests
/// (pseudonymous: the desk's subjectRef, never a client's name), proposals with their score parts
/// and one-time answer tokens (SHA-256 only), the appreciation rounds, and the access log.
public enum MatchingMigrations {
    public static let all: [Migration] = [matching, openMatches, changes]

    static let matching = Migration(
        "matching-0001-matching",
        """
        CREATE TABLE coordinators (
            id uuid PRIMARY KEY,
            username text NOT NULL UNIQUE,
            municipality text NOT NULL,
            display_name text NOT NULL,
            password_hash text NOT NULL,
            active boolean NOT NULL DEFAULT true
        );
        CREATE TABLE centres (
            key text PRIMARY KEY,
            municipality text NOT NULL,
            name text NOT NULL,
            api_key_hash bytea UNIQUE
        );
        CREATE TABLE volunteers (
            id uuid PRIMARY KEY,
            municipality text NOT NULL,
            centre text REFERENCES centres (key),
            centre_reference text,
            name text NOT NULL,
            phone text,
            email text,
            consented_at timestamptz NOT NULL,
            postcode text NOT NULL,
            district text NOT NULL,
            latitude double precision NOT NULL,
            longitude double precision NOT NULL,
            tasks text[] NOT NULL,
            availability integer NOT NULL,
            max_distance_km integer NOT NULL,
            languages text[] NOT NULL,
            vog_status text NOT NULL,
            vog_date date,
            max_matches integer NOT NULL,
            pauses jsonb NOT NULL DEFAULT '[]',
            active boolean NOT NULL DEFAULT true,
            registered_at timestamptz NOT NULL
        );
        CREATE UNIQUE INDEX volunteers_centre_reference ON volunteers (centre, centre_reference) WHERE centre IS NOT NULL;
        -- Ranking reads the active volunteers of a municipality who offer the task.
        CREATE INDEX volunteers_tasks ON volunteers USING gin (tasks) WHERE active;
        CREATE TABLE carers (
            id uuid PRIMARY KEY,
            municipality text NOT NULL,
            name text NOT NULL,
            phone text,
            email text,
            consented_at timestamptz NOT NULL,
            postcode text NOT NULL,
            district text NOT NULL,
            latitude double precision NOT NULL,
            longitude double precision NOT NULL,
            cared_for uuid,
            hours_per_week integer NOT NULL,
            since date NOT NULL,
            burden integer NOT NULL,
            support text[] NOT NULL,
            registered_at timestamptz NOT NULL,
            flagged_at timestamptz,
            active boolean NOT NULL DEFAULT true
        );
        CREATE INDEX carers_burden ON carers (municipality, burden) WHERE active;
        CREATE TABLE support_requests (
            id uuid PRIMARY KEY,
            municipality text NOT NULL,
            origin text NOT NULL,
            request_id uuid NOT NULL,
            line_id uuid,
            subject_ref uuid,
            carer_id uuid REFERENCES carers (id),
            task text NOT NULL,
            district text,
            latitude double precision,
            longitude double precision,
            question text NOT NULL,
            time_windows integer NOT NULL,
            duration_weeks integer,
            language text,
            certificate_required boolean NOT NULL,
            urgency text NOT NULL,
            carer_overburdened boolean NOT NULL,
            status text NOT NULL,
            received_at timestamptz NOT NULL,
            fail_on date NOT NULL,
            closed_at timestamptz,
            failure_reason text,
            last_search text
        );
        -- A request asked twice (a redelivery with a new id, a resend) is one request.
        CREATE UNIQUE INDEX support_requests_origin ON support_requests (municipality, origin, request_id, line_id) NULLS NOT DISTINCT;
        CREATE INDEX support_requests_open ON support_requests (municipality, fail_on) WHERE status = 'open';
        CREATE TABLE proposals (
            id uuid PRIMARY KEY,
            support_request uuid NOT NULL REFERENCES support_requests (id),
            volunteer_id uuid NOT NULL REFERENCES volunteers (id),
            municipality text NOT NULL,
            score_task integer NOT NULL,
            score_availability integer NOT NULL,
            score_distance integer NOT NULL,
            score_language integer NOT NULL,
            score_load integer NOT NULL,
            kilometres double precision,
            status text NOT NULL,
            proposed_at timestamptz NOT NULL,
            answer_by date NOT NULL,
            token_hash bytea UNIQUE,
            answered_at timestamptz,
            answered_by text,
            decline_reason text,
            started_at timestamptz,
            ended_at timestamptz,
            evaluation text
        );
        -- One volunteer at a time is asked per request.
        CREATE UNIQUE INDEX proposals_one_open ON proposals (support_request) WHERE status = 'proposed';
        CREATE INDEX proposals_load ON proposals (volunteer_id) WHERE status IN ('proposed', 'accepted', 'active');
        CREATE INDEX proposals_request ON proposals (support_request);
        CREATE TABLE appreciation (
            municipality text NOT NULL,
            year integer NOT NULL,
            carer_id uuid NOT NULL REFERENCES carers (id),
            listed_at timestamptz NOT NULL,
            PRIMARY KEY (municipality, year, carer_id)
        );
        CREATE TABLE access_log (
            id bigserial PRIMARY KEY,
            at timestamptz NOT NULL,
            municipality text NOT NULL,
            actor text NOT NULL,
            action text NOT NULL,
            volunteer_id uuid,
            carer_id uuid
        );
        CREATE INDEX access_log_volunteer ON access_log (volunteer_id) WHERE volunteer_id IS NOT NULL;
        CREATE INDEX access_log_carer ON access_log (carer_id) WHERE carer_id IS NOT NULL;
        CREATE FUNCTION matching_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'append-only table %', TG_TABLE_NAME; END $$;
        CREATE TRIGGER access_log_no_change BEFORE UPDATE OR DELETE ON access_log
            FOR EACH ROW EXECUTE FUNCTION matching_append_only();
        """ + StaffSessionTable.sql + LoginAudit.tableSQL
    )

    /// A volunteer's open matches (proposed, accepted, active) as a counter on the volunteer,
    /// kept by a trigger on proposals, so that ranking does not count proposals for every
    /// candidate (updated in place), and one index key per municipality and task.
    static let openMatches = Migration(
        "matching-0002-open-matches",
        """
        ALTER TABLE volunteers ADD COLUMN open_matches integer NOT NULL DEFAULT 0;
        UPDATE volunteers v SET open_matches = l.load
        FROM (SELECT volunteer_id, count(*)::integer AS load FROM proposals
            WHERE status IN ('proposed', 'accepted', 'active') GROUP BY volunteer_id) l
        WHERE l.volunteer_id = v.id;
        CREATE FUNCTION matching_count_open_matches() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
        BEGIN
            IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status IN ('proposed', 'accepted', 'active') THEN
                UPDATE volunteers SET open_matches = open_matches - 1 WHERE id = OLD.volunteer_id;
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status IN ('proposed', 'accepted', 'active') THEN
                UPDATE volunteers SET open_matches = open_matches + 1 WHERE id = NEW.volunteer_id;
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER proposals_open_matches AFTER INSERT OR UPDATE OF status, volunteer_id OR DELETE ON proposals
            FOR EACH ROW EXECUTE FUNCTION matching_count_open_matches();
        -- Counter updates stay on the page (HOT): no new index entries for every proposal.
        ALTER TABLE volunteers SET (fillfactor = 70);
        -- Ranking reads the active volunteers of one municipality with one task: one GIN key each.
        CREATE FUNCTION matching_task_keys(municipality text, tasks text[]) RETURNS text[]
            LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT array(SELECT municipality || '/' || t FROM unnest(tasks) AS t) $$;
        CREATE INDEX volunteers_municipality_tasks ON volunteers USING gin (matching_task_keys(municipality, tasks)) WHERE active;
        """
    )

    /// Which transaction last changed a volunteer (`change_txid`, set by a trigger), so that the
    /// service's `CandidateIndex` reads only what changed since it last looked. (The task-key
    /// index of 0002 is no longer read; it stays until no instance of an older release runs.)
    static let changes = Migration(
        "matching-0003-volunteer-changes",
        """
        ALTER TABLE volunteers ADD COLUMN change_txid xid8 NOT NULL DEFAULT '0';
        CREATE FUNCTION matching_volunteer_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            NEW.change_txid := pg_current_xact_id();
            RETURN NEW;
        END $$;
        CREATE TRIGGER volunteers_changed BEFORE INSERT OR UPDATE ON volunteers
            FOR EACH ROW EXECUTE FUNCTION matching_volunteer_changed();
        CREATE INDEX volunteers_change_txid ON volunteers (change_txid);
        """
    )
}
