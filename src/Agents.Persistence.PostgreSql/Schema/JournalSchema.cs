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
        new Migration(3, "agent audit views: agent_audit, agent_audit_of(agent), agent_activity", """
            CREATE VIEW {schema}.agent_audit AS
            SELECT substr(j.persistence_id, 7) AS agent_id,
                   'agent'::text AS source,
                   j.persistence_id,
                   j.sequence_nr,
                   j.ordering,
                   j.created_at AS occurred_at,
                   j.manifest AS event,
                   j.payload ->> 'reason' AS reason,
                   j.payload,
                   j.writer
            FROM {schema}.journal j
            WHERE j.persistence_id LIKE 'agent-%' AND j.persistence_id <> 'agent-registry' AND NOT j.deleted
            UNION ALL
            SELECT j.payload ->> 'agentId',
                   'coordinator'::text,
                   j.persistence_id,
                   j.sequence_nr,
                   j.ordering,
                   j.created_at,
                   j.manifest,
                   j.payload ->> 'reason',
                   j.payload,
                   j.writer
            FROM {schema}.journal j
            WHERE j.persistence_id = 'agent-registry' AND j.payload ->> 'agentId' IS NOT NULL AND NOT j.deleted;
            COMMENT ON VIEW {schema}.agent_audit IS
                'The audit trail of agents: one row per journaled event of an agent, its own (persistence id agent-<id>, source agent) and the coordinator''s about it (persistence id agent-registry, payload agentId, source coordinator). Deleted events are left out. For one agent, agent_audit_of(id) reads the same rows through the journal''s index.';
            COMMENT ON COLUMN {schema}.agent_audit.source IS 'agent: the agent''s own event; coordinator: the coordinator''s event about the agent (defined, activated, deactivated, restart requested).';
            COMMENT ON COLUMN {schema}.agent_audit.occurred_at IS 'When the event was written (journal.created_at).';
            COMMENT ON COLUMN {schema}.agent_audit.event IS 'The event''s manifest, such as agents.agent-activated.';
            COMMENT ON COLUMN {schema}.agent_audit.reason IS 'The payload''s reason field, when the event has one: why it happened.';

            CREATE FUNCTION {schema}.agent_audit_of(agent text) RETURNS SETOF {schema}.agent_audit
            LANGUAGE sql STABLE AS $$
                SELECT substr(j.persistence_id, 7), 'agent'::text, j.persistence_id, j.sequence_nr, j.ordering, j.created_at,
                       j.manifest, j.payload ->> 'reason', j.payload, j.writer
                FROM {schema}.journal j
                WHERE j.persistence_id = 'agent-' || agent AND agent <> 'registry' AND NOT j.deleted
                UNION ALL
                SELECT j.payload ->> 'agentId', 'coordinator'::text, j.persistence_id, j.sequence_nr, j.ordering, j.created_at,
                       j.manifest, j.payload ->> 'reason', j.payload, j.writer
                FROM {schema}.journal j
                WHERE j.persistence_id = 'agent-registry' AND j.payload ->> 'agentId' = agent AND NOT j.deleted
            $$;
            COMMENT ON FUNCTION {schema}.agent_audit_of(text) IS
                'The agent_audit rows of one agent, read by persistence id (the journal''s unique index) instead of scanning the whole journal.';

            CREATE VIEW {schema}.agent_activity AS
            SELECT agent_id,
                   min(occurred_at) AS first_event_at,
                   max(occurred_at) AS last_event_at,
                   count(*) AS events,
                   count(*) FILTER (WHERE source = 'agent') AS agent_events,
                   count(*) FILTER (WHERE source = 'coordinator') AS coordinator_events,
                   count(*) FILTER (WHERE event = 'agents.agent-restart-requested') AS restarts_requested,
                   (array_agg(event ORDER BY ordering DESC))[1] AS last_event,
                   (array_agg(reason ORDER BY ordering DESC) FILTER (WHERE reason IS NOT NULL))[1] AS last_reason
            FROM {schema}.agent_audit
            GROUP BY agent_id;
            COMMENT ON VIEW {schema}.agent_activity IS
                'One row per agent with audit rows: its first and last event, how many events (its own and the coordinator''s), how many restarts were requested, and its last event and last reason.';
            """),
    ];
}
