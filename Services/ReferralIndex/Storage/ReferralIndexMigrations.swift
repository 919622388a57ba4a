import ServiceHTTP
import StaffPages
public import Storage

/// The referral index schema: designated organisations and accounts, signals (subject keys, no
/// BSN, no content), matches with their signals and notifications, the append-only audit, and
/// the record of switch-offs. The kit's outbox and inbox come first.
public enum ReferralIndexMigrations {
    public static let all: [Migration] = [index, sessions, federation, addresses]

    static let index = Migration(
        "referralindex-0001-index",
        """
        CREATE TABLE organisations (
            key text PRIMARY KEY,
            municipality text NOT NULL,
            name text NOT NULL,
            authorised boolean NOT NULL DEFAULT true,
            api_key_hash bytea UNIQUE
        );
        CREATE TABLE professionals (
            id uuid PRIMARY KEY,
            username text NOT NULL UNIQUE,
            municipality text NOT NULL,
            organisation text REFERENCES organisations (key),
            role text NOT NULL,
            display_name text,
            phone text,
            email text,
            password_hash text NOT NULL,
            active boolean NOT NULL DEFAULT true
        );
        CREATE TABLE signals (
            id uuid PRIMARY KEY,
            municipality text NOT NULL,
            subject_key bytea NOT NULL,
            organisation text NOT NULL,
            professional_name text NOT NULL,
            professional_phone text NOT NULL,
            professional_email text NOT NULL,
            birth_date date,
            young_person_informed boolean NOT NULL,
            parents_informed boolean,
            not_informed_reason text,
            reference text,
            registered_at timestamptz NOT NULL,
            refreshed_at timestamptz NOT NULL,
            remove_on date,
            status text NOT NULL,
            removal_reason text,
            removed_at timestamptz,
            delete_on date
        );
        -- Matching and the refresh look up active signals by subject; the removal job by day.
        CREATE INDEX signals_active_subject ON signals (subject_key) WHERE status = 'active';
        CREATE UNIQUE INDEX signals_active_professional ON signals (municipality, subject_key, organisation, professional_email)
            WHERE status = 'active';
        CREATE INDEX signals_remove_on ON signals (remove_on) WHERE status = 'active';
        CREATE INDEX signals_delete_on ON signals (delete_on) WHERE status = 'removed';
        CREATE INDEX signals_organisation ON signals (organisation, refreshed_at);
        CREATE INDEX signals_subject_all ON signals (municipality, subject_key);
        CREATE TABLE signal_parents (
            signal_id uuid NOT NULL REFERENCES signals (id) ON DELETE CASCADE,
            parent_key bytea NOT NULL,
            PRIMARY KEY (signal_id, parent_key)
        );
        CREATE INDEX signal_parents_key ON signal_parents (parent_key);
        CREATE TABLE matches (
            id uuid PRIMARY KEY,
            municipality text NOT NULL,
            kind text NOT NULL,
            coordinator text NOT NULL,
            created_at timestamptz NOT NULL,
            extended_at timestamptz NOT NULL,
            status text NOT NULL,
            central_contact uuid,
            central_contact_recorded_at timestamptz,
            coordinated_at timestamptz,
            coordinated_by text
        );
        CREATE INDEX matches_attention ON matches (municipality, created_at) WHERE status = 'active';
        CREATE TABLE match_signals (
            match_id uuid NOT NULL REFERENCES matches (id) ON DELETE CASCADE,
            signal_id uuid NOT NULL REFERENCES signals (id) ON DELETE CASCADE,
            joined_at timestamptz NOT NULL,
            PRIMARY KEY (match_id, signal_id)
        );
        CREATE INDEX match_signals_signal ON match_signals (signal_id);
        CREATE TABLE notifications (
            id uuid PRIMARY KEY,
            match_id uuid NOT NULL REFERENCES matches (id) ON DELETE CASCADE,
            recipient text NOT NULL,
            signal_id uuid,
            change text NOT NULL,
            sent_at timestamptz NOT NULL
        );
        CREATE INDEX notifications_match ON notifications (match_id);
        -- Who did what to which subject key, never what the worry is. Append-only: updates are
        -- refused, deletes only by the retention job and a switch-off (SET LOCAL below).
        CREATE TABLE audit_log (
            id bigserial PRIMARY KEY,
            at timestamptz NOT NULL,
            municipality text NOT NULL,
            action text NOT NULL,
            actor text NOT NULL,
            organisation text,
            subject_key bytea,
            signal_id uuid,
            match_id uuid,
            detail text
        );
        CREATE INDEX audit_log_municipality ON audit_log (municipality, at);
        CREATE INDEX audit_log_subject ON audit_log (subject_key) WHERE subject_key IS NOT NULL;
        CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'UPDATE' OR current_setting('referralindex.audit_delete', true) IS DISTINCT FROM 'allowed' THEN
                RAISE EXCEPTION 'audit_log is append-only';
            END IF;
            RETURN OLD;
        END $$;
        CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
            FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
        CREATE TABLE switch_offs (
            municipality text PRIMARY KEY,
            switched_off_at timestamptz NOT NULL,
            switched_off_by text NOT NULL,
            report jsonb NOT NULL
        );
        """
    )

    /// Federation: the national index's copies of the regions' signals and its cross-region
    /// matches; a region's record of the professionals of other regions on its matches.
    static let federation = Migration(
        "referralindex-0003-federation",
        """
        CREATE TABLE federated_signals (
            region text NOT NULL,
            signal_id uuid NOT NULL,
            subject_key bytea NOT NULL,
            organisation text NOT NULL,
            organisation_name text NOT NULL,
            professional_name text NOT NULL,
            professional_phone text NOT NULL,
            professional_email text NOT NULL,
            received_at timestamptz NOT NULL,
            PRIMARY KEY (region, signal_id)
        );
        CREATE INDEX federated_signals_subject ON federated_signals (subject_key);
        CREATE TABLE federated_parents (
            region text NOT NULL,
            signal_id uuid NOT NULL,
            parent_key bytea NOT NULL,
            PRIMARY KEY (region, signal_id, parent_key),
            FOREIGN KEY (region, signal_id) REFERENCES federated_signals (region, signal_id) ON DELETE CASCADE
        );
        CREATE INDEX federated_parents_key ON federated_parents (parent_key);
        CREATE TABLE federated_matches (
            id uuid PRIMARY KEY,
            kind text NOT NULL,
            created_at timestamptz NOT NULL
        );
        CREATE TABLE federated_match_signals (
            match_id uuid NOT NULL REFERENCES federated_matches (id) ON DELETE CASCADE,
            region text NOT NULL,
            signal_id uuid NOT NULL,
            PRIMARY KEY (match_id, region, signal_id)
        );
        CREATE INDEX federated_match_signals_signal ON federated_match_signals (region, signal_id);
        CREATE TABLE remote_participants (
            match_id uuid NOT NULL REFERENCES matches (id) ON DELETE CASCADE,
            signal_id uuid NOT NULL,
            organisation text NOT NULL,
            organisation_name text NOT NULL,
            name text NOT NULL,
            phone text NOT NULL,
            email text NOT NULL,
            PRIMARY KEY (match_id, signal_id)
        );
        """
    )

    /// The second family rule (off by default): the keyed address of a signal, and the
    /// municipality's register of addresses that never make a family (institutions, shelters).
    static let addresses = Migration(
        "referralindex-0004-addresses",
        """
        ALTER TABLE signals ADD COLUMN address_key bytea;
        CREATE INDEX signals_active_address ON signals (address_key) WHERE status = 'active' AND address_key IS NOT NULL;
        CREATE TABLE excluded_addresses (
            municipality text NOT NULL,
            address_key bytea NOT NULL,
            postcode text NOT NULL,
            house_number text NOT NULL,
            description text NOT NULL,
            added_by text NOT NULL,
            added_at timestamptz NOT NULL,
            PRIMARY KEY (municipality, address_key)
        );
        """
    )

    /// Staff sessions of the professionals' pages (Shared/StaffPages) and the refused logins
    /// (`LoginAudit`).
    static let sessions = Migration("referralindex-0002-logins-sessions", StaffSessionTable.sql + LoginAudit.tableSQL)
}
