public import Storage

/// The citizen panel schema. Who was invited to the satisfaction survey (the subjectRef only to
/// invite a person once a year), apart from the open one-time links (the token as SHA-256, with
/// the district; deleted when used), and the responses, which hold no link, token, subjectRef or
/// time of day: once submitted, a response cannot be joined back to whoever gave it.
public enum CitizenPanelMigrations {
    public static let all: [Migration] = [panel, members]

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
}
