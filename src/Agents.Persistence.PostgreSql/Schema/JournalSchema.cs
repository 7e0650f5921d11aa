namespace Agents.Persistence.PostgreSql.Schema;

/// <summary>The journal's tables, as numbered migrations. Never edit a shipped migration; add the next one.</summary>
public static class JournalSchema
{
    /// <summary>The component name recorded in the version table.</summary>
    public const string Component = "journal";

    /// <summary>The migrations, in order.</summary>
    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new Migration(1, "journal, event tags, journal metadata, snapshots, projection offsets", """
            CREATE TABLE {schema}.journal (
                ordering bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                persistence_id text NOT NULL,
                sequence_nr bigint NOT NULL,
                manifest text NOT NULL,
                version integer NOT NULL,
                payload jsonb NOT NULL,
                tags text[] NOT NULL DEFAULT '{}',
                writer text NOT NULL,
                tx xid8 NOT NULL DEFAULT pg_current_xact_id(),
                created_at timestamptz NOT NULL,
                deleted boolean NOT NULL DEFAULT false,
                CONSTRAINT journal_persistence_id_sequence_nr_key UNIQUE (persistence_id, sequence_nr));
            COMMENT ON TABLE {schema}.journal IS
                'Events of persistent entities. (persistence_id, sequence_nr) is unique: it fences a second writer of an entity. Readers of the global order read by (tx, ordering) below pg_snapshot_xmin(pg_current_snapshot()).';
            COMMENT ON COLUMN {schema}.journal.tx IS
                'The writing transaction (pg_current_xact_id()); global readers only read rows whose tx is below the horizon of transactions in flight, so no late commit is skipped.';
            COMMENT ON COLUMN {schema}.journal.deleted IS
                'Set by DeleteMessagesTo: the event is no longer replayed, the row stays for audit and numbering.';
            CREATE INDEX journal_first_events ON {schema}.journal (tx, ordering) WHERE sequence_nr = 1;

            CREATE TABLE {schema}.event_tags (
                tag text NOT NULL,
                tx xid8 NOT NULL,
                ordering bigint NOT NULL,
                PRIMARY KEY (tag, tx, ordering));
            COMMENT ON TABLE {schema}.event_tags IS
                'One row per tag of an event, in the order EventsByTag reads: (tag, tx, ordering). ordering references journal.ordering.';

            CREATE TABLE {schema}.journal_metadata (
                persistence_id text PRIMARY KEY,
                highest_sequence_nr bigint NOT NULL);
            COMMENT ON TABLE {schema}.journal_metadata IS
                'Highest sequence number of an entity recorded when its events are deleted, so numbering never restarts.';

            CREATE TABLE {schema}.snapshots (
                persistence_id text NOT NULL,
                sequence_nr bigint NOT NULL,
                created_at timestamptz NOT NULL,
                manifest text NOT NULL,
                version integer NOT NULL,
                payload jsonb NOT NULL,
                PRIMARY KEY (persistence_id, sequence_nr));

            CREATE TABLE {schema}.projection_offsets (
                projection text PRIMARY KEY,
                ordering bigint NOT NULL,
                updated_at timestamptz NOT NULL DEFAULT now());
            COMMENT ON TABLE {schema}.projection_offsets IS
                'The journal ordering of the last event each projection applied, written in the same transaction as its effects.';
            """),
        new Migration(2, "topic log: topic events and durable subscription offsets", """
            CREATE TABLE {schema}.topic_events (
                ordering bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                topic text NOT NULL,
                manifest text NOT NULL,
                version integer NOT NULL,
                payload jsonb NOT NULL,
                publisher text NOT NULL,
                tx xid8 NOT NULL DEFAULT pg_current_xact_id(),
                created_at timestamptz NOT NULL);
            COMMENT ON TABLE {schema}.topic_events IS
                'The durable topic log. Readers read by (tx, ordering) below pg_snapshot_xmin(pg_current_snapshot()), so no late commit is skipped; a topic offset is (tx, ordering).';
            CREATE INDEX topic_events_position ON {schema}.topic_events (tx, ordering);

            CREATE TABLE {schema}.topic_subscriptions (
                subscription_id text PRIMARY KEY,
                tx xid8 NOT NULL,
                ordering bigint NOT NULL,
                updated_at timestamptz NOT NULL DEFAULT now());
            COMMENT ON TABLE {schema}.topic_subscriptions IS
                'The offset (tx, ordering) of the last topic event each durable subscription handled; it only moves forward.';
            """),
    ];
}
