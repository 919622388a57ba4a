public import Storage

/// The tables of the outbox and the inbox, created in every service's own schema before the
/// service's migrations.
public enum KitMigrations {
    public static let all: [Migration] = [
        Migration(
            "kit-0001-outbox-inbox",
            """
            CREATE TABLE outbox (
                id uuid PRIMARY KEY,
                seq bigserial NOT NULL,
                exchange text NOT NULL,
                routing_key text NOT NULL,
                message_id text NOT NULL,
                message_type text NOT NULL,
                correlation_id text,
                headers text NOT NULL DEFAULT '{}',
                body bytea NOT NULL,
                created_at timestamptz NOT NULL DEFAULT now(),
                leased_until timestamptz
            );
            CREATE INDEX outbox_seq ON outbox (seq);
            CREATE TABLE inbox (
                message_id text PRIMARY KEY,
                message_type text NOT NULL,
                outcome text NOT NULL DEFAULT 'applied',
                received_at timestamptz NOT NULL DEFAULT now()
            );
            CREATE INDEX inbox_received_at ON inbox (received_at);
            """
        ),
        Migration(
            "kit-0002-replays-and-parking",
            """
            ALTER TABLE inbox ADD COLUMN replay_id text;
            ALTER TABLE outbox ADD COLUMN attempts int NOT NULL DEFAULT 0;
            ALTER TABLE outbox ADD COLUMN last_error text;
            ALTER TABLE outbox ADD COLUMN parked_at timestamptz;
            ALTER TABLE outbox ADD COLUMN lease_token uuid;
            CREATE INDEX outbox_unparked_seq ON outbox (seq) WHERE parked_at IS NULL;
            -- Both tables churn (every row is deleted soon after it is written): vacuum them
            -- early and without throttling, or they bloat under sustained load (seen in the soak).
            ALTER TABLE outbox SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 2000,
                autovacuum_vacuum_cost_delay = 0);
            ALTER TABLE inbox SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_cost_delay = 0);
            """
        ),
    ]
}
