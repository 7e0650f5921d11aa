namespace Agents.Persistence.PostgreSql.Topics;

/// <summary>The topic log's SQL for one schema, built once.</summary>
internal sealed class TopicSql
{
    public TopicSql(string schema)
    {
        var s = $"\"{schema}\"";
        const string Columns = "topic, manifest, version, payload, publisher, created_at";
        Append = $"""
            INSERT INTO {s}.topic_events ({Columns})
            SELECT {Columns}
            FROM unnest($1::text[], $2::text[], $3::integer[], $4::jsonb[], $5::text[], $6::timestamptz[])
                WITH ORDINALITY AS u({Columns}, n)
            ORDER BY n
            RETURNING tx, ordering
            """;
        UpperBound = $"SELECT max(tx) FROM {s}.topic_events";
        Read = $"""
            SELECT h.horizon, (SELECT max(tx) FROM {s}.topic_events) AS newest,
                   r.tx, r.ordering, r.topic, r.manifest, r.version, r.payload, r.publisher, r.created_at
            FROM (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS horizon) AS h
            LEFT JOIN LATERAL (
                SELECT tx, ordering, topic, manifest, version, payload, publisher, created_at
                FROM {s}.topic_events
                WHERE (tx, ordering) > ($1::xid8, $2::bigint) AND tx < h.horizon AND tx <= $4::xid8
                  AND ($5::text[] IS NULL OR EXISTS (SELECT FROM unnest($5::text[]) AS p WHERE starts_with(topic, p)))
                ORDER BY tx, ordering
                LIMIT $3) AS r ON true
            """;
        End = $"""
            SELECT tx, ordering FROM {s}.topic_events
            WHERE tx < pg_snapshot_xmin(pg_current_snapshot())
            ORDER BY tx DESC, ordering DESC
            LIMIT 1
            """;
        LoadOffset = $"SELECT tx, ordering FROM {s}.topic_subscriptions WHERE subscription_id = $1";
        StoreOffset = $"""
            INSERT INTO {s}.topic_subscriptions AS t (subscription_id, tx, ordering) VALUES ($1, $2::xid8, $3)
            ON CONFLICT (subscription_id) DO UPDATE
                SET tx = excluded.tx, ordering = excluded.ordering, updated_at = now()
                WHERE (t.tx, t.ordering) < (excluded.tx, excluded.ordering)
            """;
    }

    /// <summary>Appends a batch given as parallel arrays ($1..$6) and returns each row's (tx, ordering), in array order.</summary>
    public string Append { get; }

    /// <summary>The newest transaction that appended, where a current read ends.</summary>
    public string UpperBound { get; }

    /// <summary>
    /// One page after position ($1, $2), at most $3 rows, transactions up to $4, topics under the prefixes $5 (all
    /// when null). The first columns, returned even when no row is, are the horizon and the newest committed
    /// transaction: when the newest is not below the horizon, rows are waiting for older transactions to end.
    /// </summary>
    public string Read { get; }

    /// <summary>
    /// The newest position below the horizon: every transaction below it has ended, and any row written later belongs
    /// to a transaction at or above it, so it comes after this position.
    /// </summary>
    public string End { get; }

    public string LoadOffset { get; }

    /// <summary>Stores offset ($2, $3) of subscription $1 unless the stored one is at or after it; 1 row when it moved.</summary>
    public string StoreOffset { get; }
}
