namespace Agents.Persistence.PostgreSql.Query;

/// <summary>The read journal's SQL for one schema, built once.</summary>
internal sealed class ReadSql
{
    public ReadSql(string schema)
    {
        var s = $"\"{schema}\"";
        ByPersistenceId = $"""
            SELECT ordering, sequence_nr, manifest, version, payload, tags, writer, created_at
            FROM {s}.journal
            WHERE persistence_id = $1 AND sequence_nr >= $2 AND sequence_nr <= $3 AND NOT deleted
            ORDER BY sequence_nr
            LIMIT $4
            """;
        OffsetTransaction = $"SELECT tx FROM {s}.journal WHERE ordering = $1";
        TagUpperBound = $"SELECT max(tx) FROM {s}.event_tags WHERE tag = $1";
        ByTag = $"""
            SELECT h.horizon, (SELECT max(tx) FROM {s}.event_tags WHERE tag = $1) AS newest,
                   r.tx, r.ordering, r.persistence_id, r.sequence_nr, r.manifest, r.version, r.payload,
                   r.tags, r.created_at, r.deleted
            FROM (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS horizon) AS h
            LEFT JOIN LATERAL (
                SELECT t.tx, t.ordering, j.persistence_id, j.sequence_nr, j.manifest, j.version, j.payload, j.tags,
                       j.created_at, j.deleted
                FROM {s}.event_tags AS t
                JOIN {s}.journal AS j ON j.ordering = t.ordering
                WHERE t.tag = $1 AND (t.tag, t.tx, t.ordering) > ($1::text, $2::xid8, $3::bigint)
                  AND t.tx < h.horizon AND t.tx <= $5::xid8
                ORDER BY t.tag, t.tx, t.ordering
                LIMIT $4) AS r ON true
            """;
        CurrentPersistenceIds = $"""
            SELECT tx, ordering, persistence_id
            FROM {s}.journal
            WHERE sequence_nr = 1 AND (tx, ordering) > ($1::xid8, $2::bigint)
            ORDER BY tx, ordering
            LIMIT $3
            """;
        LivePersistenceIds = $"""
            SELECT h.horizon, (SELECT max(tx) FROM {s}.journal WHERE sequence_nr = 1) AS newest,
                   r.tx, r.ordering, r.persistence_id
            FROM (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS horizon) AS h
            LEFT JOIN LATERAL (
                SELECT tx, ordering, persistence_id
                FROM {s}.journal
                WHERE sequence_nr = 1 AND (tx, ordering) > ($1::xid8, $2::bigint) AND tx < h.horizon
                ORDER BY tx, ordering
                LIMIT $3) AS r ON true
            """;
    }

    public string ByPersistenceId { get; }

    /// <summary>The transaction of the event with ordering $1, to resume after it.</summary>
    public string OffsetTransaction { get; }

    /// <summary>The newest transaction that tagged $1, where a current tag query ends.</summary>
    public string TagUpperBound { get; }

    /// <summary>
    /// One page of tag $1 after position ($2, $3), at most $4 rows, transactions up to $5. The first columns, returned
    /// even when no row is, are the horizon and the newest committed transaction of the tag: when the newest is not
    /// below the horizon, rows are waiting for older transactions to end.
    /// </summary>
    public string ByTag { get; }

    public string CurrentPersistenceIds { get; }

    /// <summary>Like <see cref="ByTag"/>, for the first events of entities.</summary>
    public string LivePersistenceIds { get; }
}
