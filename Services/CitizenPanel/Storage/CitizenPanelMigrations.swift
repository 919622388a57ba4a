public import ServiceHTTP
import StaffPages
public import Storage

/// The citizen panel schema. Who was invited to the satisfaction survey (the subjectRef only to
/// invite a person once a year), apart from the open one-time links (the token as SHA-256, with
/// the district; deleted when used), and the responses, which hold no link, token, subjectRef or
/// time of day: once submitted, a response cannot be joined back to whoever gave it.
public enum CitizenPanelMigrations {
    public static let all: [Migration] = [panel, members, consultations]

    static let panel = Migration(
        "citizenpanel-0001-satisfaction",
        """
        CREATE TABLE invited (
            id uuid NOT NULL UNIQUE,
            municipality text NOT NULL,
            survey_id text NOT NULL,
            subject_ref uuid NOT NULL,
            invited_on date NOT NULL,
            -- A person is invited to a year's survey once, however often their requests close.
            PRIMARY KEY (municipality, survey_id, subject_ref)
        );
        -- The one-time links not used yet: no person in them, and deleted when used, so that
        -- neither a flag nor a count beside a subjectRef tells who answered.
        CREATE TABLE open_links (
            token_hash bytea PRIMARY KEY,
            municipality text NOT NULL,
            survey_id text NOT NULL,
            district text
        );
        CREATE TABLE responses (
            id uuid PRIMARY KEY,
            municipality text NOT NULL,
            survey_id text NOT NULL,
            district text,
            age_band text,
            sex text,
            submitted_on date NOT NULL,
            answers jsonb NOT NULL
        );
        CREATE INDEX responses_survey ON responses (municipality, survey_id);
        """
    )

    /// The panel's members: what drawing a round needs and the e-mail address for invitations,
    /// with the consent time; the leave link's token as SHA-256 only. Leaving deletes the row.
    static let members = Migration(
        "citizenpanel-0002-members",
        """
        CREATE TABLE members (
            id uuid PRIMARY KEY,
            municipality text NOT NULL,
            kind text NOT NULL,
            district text NOT NULL,
            age_band text NOT NULL,
            sex text,
            email text NOT NULL,
            consented_at timestamptz NOT NULL,
            leave_token_hash bytea NOT NULL UNIQUE
        );
        -- One membership per address and municipality.
        CREATE UNIQUE INDEX members_email ON members (municipality, lower(email));
        CREATE INDEX members_stratum ON members (municipality, district, age_band);
        """
    )

    /// The municipality's researchers (bcrypt hashes), consultations and their rounds, the
    /// members' one-time links per round (SHA-256; the member only to stop a second answer and to
    /// remind while the consultation is open, set to NULL when they leave or it closes, so that
    /// response rates stay), the buffer answers pass through, open answers apart from the
    /// responses (so that an open answer cannot be joined to the rest of one), and the
    /// statements members propose.
    static let consultations = Migration(
        "citizenpanel-0003-consultations",
        """
        CREATE TABLE researchers (
            id uuid PRIMARY KEY,
            username text NOT NULL UNIQUE,
            municipality text NOT NULL,
            display_name text NOT NULL,
            password_hash text NOT NULL,
            active boolean NOT NULL DEFAULT true
        );
        CREATE TABLE consultations (
            id uuid PRIMARY KEY,
            municipality text NOT NULL,
            title text NOT NULL,
            introduction text NOT NULL,
            questions jsonb NOT NULL,
            audience text NOT NULL,
            audience_district text,
            level text NOT NULL,
            opens_on date NOT NULL,
            closes_on date NOT NULL,
            created_by text NOT NULL,
            created_at timestamptz NOT NULL
        );
        CREATE INDEX consultations_municipality ON consultations (municipality, closes_on);
        CREATE TABLE rounds (
            id uuid PRIMARY KEY,
            consultation_id uuid NOT NULL REFERENCES consultations,
            drawn_on date NOT NULL,
            drawn_by text NOT NULL,
            target integer NOT NULL,
            expected_rate double precision NOT NULL,
            invited integer NOT NULL
        );
        CREATE TABLE round_invitations (
            id uuid PRIMARY KEY,
            round_id uuid NOT NULL REFERENCES rounds,
            consultation_id uuid NOT NULL REFERENCES consultations,
            member_id uuid REFERENCES members ON DELETE SET NULL,
            token_hash bytea NOT NULL UNIQUE,
            district text NOT NULL,
            age_band text NOT NULL,
            sex text,
            -- A reminder carries a link of its own (the first one keeps working): the panel
            -- keeps tokens only as hashes, so it cannot send the first one again.
            reminder_token_hash bytea UNIQUE,
            used boolean NOT NULL DEFAULT false,
            -- A member is invited to a consultation once, whatever the number of rounds.
            UNIQUE (consultation_id, member_id)
        );
        CREATE INDEX round_invitations_open ON round_invitations (consultation_id) WHERE NOT used;
        -- Answers wait here, written with the link's `used` in one transaction, until at least
        -- five of a consultation are moved to `responses` and `open_answers` together, shuffled, in
        -- another: so that neither the transaction id nor the order of rows ties a response to the
        -- invitation it came through.
        CREATE TABLE response_buffer (
            id uuid PRIMARY KEY,
            consultation_id uuid NOT NULL REFERENCES consultations,
            district text,
            age_band text,
            sex text,
            submitted_on date NOT NULL,
            answers jsonb NOT NULL,
            open_answers jsonb NOT NULL
        );
        CREATE INDEX response_buffer_consultation ON response_buffer (consultation_id);
        CREATE TABLE open_answers (
            id uuid PRIMARY KEY,
            consultation_id uuid NOT NULL REFERENCES consultations,
            question_id text NOT NULL,
            text text NOT NULL,
            status text NOT NULL DEFAULT 'pending',
            reason text,
            moderated_by text
        );
        CREATE INDEX open_answers_consultation ON open_answers (consultation_id, status);
        CREATE TABLE proposals (
            id uuid PRIMARY KEY,
            municipality text NOT NULL,
            member_id uuid REFERENCES members ON DELETE SET NULL,
            text text NOT NULL,
            proposed_on date NOT NULL,
            status text NOT NULL DEFAULT 'pending',
            reason text,
            moderated_by text,
            consultation_id uuid REFERENCES consultations
        );
        CREATE INDEX proposals_status ON proposals (municipality, status);
        """ + StaffSessionTable.sql + LoginAudit.tableSQL
    )
}
