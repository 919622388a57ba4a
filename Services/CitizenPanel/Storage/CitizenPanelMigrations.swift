public import Storage

/// The citizen panel schema. The satisfaction survey's invitations (the subjectRef only to invite
/// a person once a year; the token as SHA-256, marked used on answering) and the responses,
/// which hold no invitation, token, subjectRef or time of day: once submitted, a response cannot
/// be joined back to whoever gave it.
public enum CitizenPanelMigrations {
    public static let all: [Migration] = [panel, members]

    static let panel = Migration(
        "citizenpanel-0001-satisfaction",
        """
        CREATE TABLE invitations (
            id uuid PRIMARY KEY,
            municipality text NOT NULL,
            survey_id text NOT NULL,
            subject_ref uuid NOT NULL,
            district text,
            token_hash bytea NOT NULL UNIQUE,
            invited_on date NOT NULL,
            used boolean NOT NULL DEFAULT false
        );
        -- A person is invited to a year's survey once, however often their requests close.
        CREATE UNIQUE INDEX invitations_once ON invitations (municipality, survey_id, subject_ref);
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
