namespace Agents.Persistence.PostgreSql.Journal;

/// <summary>The journal's SQL for one schema, built once.</summary>
internal sealed class JournalSql
{
    /// <summary>The unique key that fences a second writer.</summary>
    public const string SequenceKey = "journal_persistence_id_sequence_nr_key";

    /// <param name="schema">The schema of the tables.</param>
    /// <param name="notificationChannel">The LISTEN/NOTIFY channel; <c>&lt;schema&gt;_journal_changes</c> when null or empty.</param>
    public JournalSql(string schema, string? notificationChannel = null)
    {
        Schema = schema;
        var s = $"\"{schema}\"";
        NotificationChannel = string.IsNullOrEmpty(notificationChannel) ? $"{schema}_journal_changes" : notificationChannel;
        const string Arrays = "$1::text[], $2::bigint[], $3::text[], $4::integer[], $5::jsonb[], $6::text[], $7::timestamptz[]";
        const string Columns = "persistence_id, sequence_nr, manifest, version, payload, writer, created_at";
        Insert = $"""
            INSERT INTO {s}.journal ({Columns})
            SELECT {Columns} FROM unnest({Arrays}) AS u({Columns})
            """;
        InsertOne = $"INSERT INTO {s}.journal ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7)";
        InsertTagged = $"""
            WITH written AS (
                INSERT INTO {s}.journal ({Columns}, tags)
                SELECT {Columns}, tags::text[] FROM unnest({Arrays}, $8::text[]) AS u({Columns}, tags)
                RETURNING tags, tx, ordering)
            INSERT INTO {s}.event_tags (tag, tx, ordering)
            SELECT unnest(tags), tx, ordering FROM written WHERE cardinality(tags) > 0
            """;
        Copy = $"COPY {s}.journal ({Columns}) FROM STDIN (FORMAT BINARY)";
        FindStored = $"SELECT min(sequence_nr) FROM {s}.journal WHERE persistence_id = $1 AND sequence_nr = ANY($2)";
        Replay = $"""
            SELECT sequence_nr, manifest, version, payload, tags, writer, created_at
            FROM {s}.journal
            WHERE persistence_id = $1 AND sequence_nr >= $2 AND sequence_nr <= $3 AND NOT deleted
            ORDER BY sequence_nr
            LIMIT $4
            """;
        HighestSequenceNr = $"""
            SELECT coalesce(greatest(
                (SELECT max(sequence_nr) FROM {s}.journal WHERE persistence_id = $1),
                (SELECT highest_sequence_nr FROM {s}.journal_metadata WHERE persistence_id = $1)), 0)
            """;
        Delete = $"""
            WITH marked AS (
                UPDATE {s}.journal SET deleted = true
                WHERE persistence_id = $1 AND sequence_nr <= $2 AND NOT deleted)
            INSERT INTO {s}.journal_metadata (persistence_id, highest_sequence_nr)
            SELECT $1, max(sequence_nr) FROM {s}.journal WHERE persistence_id = $1 HAVING max(sequence_nr) IS NOT NULL
            ON CONFLICT (persistence_id) DO UPDATE
                SET highest_sequence_nr = greatest({s}.journal_metadata.highest_sequence_nr, excluded.highest_sequence_nr)
            """;
        Notify = "SELECT set_config('synchronous_commit', 'off', true), pg_notify($1, $2)";
    }

    public string Schema { get; }

    /// <summary>The LISTEN/NOTIFY channel that carries "events were committed" hints.</summary>
    public string NotificationChannel { get; }

    /// <summary>Inserts a batch given as parallel arrays ($1..$7) of untagged events.</summary>
    public string Insert { get; }

    /// <summary>Inserts one untagged event ($1..$7 as in <see cref="Insert"/>, scalars): a lone writer's statement.</summary>
    public string InsertOne { get; }

    /// <summary>Inserts a batch ($1..$7, and tags as array literals in $8) and its tag rows in one statement.</summary>
    public string InsertTagged { get; }

    /// <summary>Copies untagged events in the binary COPY format, columns as in <see cref="Insert"/>.</summary>
    public string Copy { get; }

    /// <summary>The lowest of the given sequence numbers ($2) already stored for entity $1.</summary>
    public string FindStored { get; }

    public string Replay { get; }

    public string HighestSequenceNr { get; }

    public string Delete { get; }

    /// <summary>
    /// Sends a change hint. Its own transaction does not wait for a WAL flush: the hint carries no data, and a lost
    /// one is covered by polling.
    /// </summary>
    public string Notify { get; }
}
