using System.Globalization;
using System.Text.Json;
using Agents.Node.Hosting;
using Agents.Persistence.Topics;
using Npgsql;

namespace Agents.Node.Management;

/// <summary>
/// Read-only SQL over the node's PostgreSQL store for the operator views. It reads stored rows rather than going
/// through the serializer, so that an event whose manifest this node does not know is shown as its JSON instead of
/// failing the whole view.
/// </summary>
internal sealed class StoreBrowser(NodeRuntime runtime)
{
    private string Schema => $"\"{runtime.Store.Options.Schema}\"";

    /// <summary>The events of <paramref name="persistenceId"/> from <paramref name="from"/> on, at most <paramref name="max"/>, not deleted.</summary>
    public async Task<IReadOnlyList<JournalEvent>> ReadJournalAsync(string persistenceId, long from, int max, CancellationToken cancellationToken)
    {
        await using var command = runtime.DataSource.CreateCommand($"""
            SELECT sequence_nr, manifest, created_at, tags, writer, payload::text
            FROM {Schema}.journal
            WHERE persistence_id = $1 AND sequence_nr >= $2 AND NOT deleted
            ORDER BY sequence_nr
            LIMIT $3
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = persistenceId });
        command.Parameters.Add(new NpgsqlParameter { Value = from });
        command.Parameters.Add(new NpgsqlParameter { Value = max });
        return await ReadEventsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The last <paramref name="max"/> events of <paramref name="persistenceId"/> that are not deleted, by sequence number.</summary>
    public async Task<IReadOnlyList<JournalEvent>> ReadJournalTailAsync(string persistenceId, int max, CancellationToken cancellationToken)
    {
        await using var command = runtime.DataSource.CreateCommand($"""
            SELECT * FROM (
                SELECT sequence_nr, manifest, created_at, tags, writer, payload::text
                FROM {Schema}.journal
                WHERE persistence_id = $1 AND NOT deleted
                ORDER BY sequence_nr DESC
                LIMIT $2) AS tail
            ORDER BY sequence_nr
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = persistenceId });
        command.Parameters.Add(new NpgsqlParameter { Value = max });
        return await ReadEventsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every topic with events, by name, with its event count and the time of its newest event.</summary>
    public async Task<IReadOnlyList<TopicSummary>> ListTopicsAsync(CancellationToken cancellationToken)
    {
        await using var command = runtime.DataSource.CreateCommand($"""
            SELECT topic, count(*), max(created_at) FROM {Schema}.topic_events GROUP BY topic ORDER BY topic
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var topics = new List<TopicSummary>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            topics.Add(new TopicSummary(reader.GetString(0), reader.GetInt64(1), reader.GetFieldValue<DateTimeOffset>(2)));
        }

        return topics;
    }

    /// <summary>
    /// Where a reader of new events only starts: after the newest event below the read horizon (the oldest
    /// transaction still running), as the topic log reads, skipping the events at or above it that are already
    /// committed. Starting at the horizon means an event whose transaction commits later is not missed even when
    /// its offset is lower than one already committed; skipping those already committed means no earlier event is
    /// shown as new. The skipped set holds only the events committed while some older transaction ran, so it is small
    /// unless a transaction stays open for long.
    /// </summary>
    public async Task<TopicLiveStart> ReadTopicLiveStartAsync(CancellationToken cancellationToken)
    {
        await using var command = runtime.DataSource.CreateCommand($"""
            WITH h AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS horizon)
            (SELECT tx::text, ordering, false FROM {Schema}.topic_events, h
             WHERE tx < h.horizon ORDER BY tx DESC, ordering DESC LIMIT 1)
            UNION ALL
            (SELECT tx::text, ordering, true FROM {Schema}.topic_events, h WHERE tx >= h.horizon)
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var after = TopicOffset.Start;
        var committed = new HashSet<TopicOffset>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var offset = new TopicOffset(ulong.Parse(reader.GetString(0), CultureInfo.InvariantCulture), reader.GetInt64(1));
            if (reader.GetBoolean(2))
            {
                committed.Add(offset);
            }
            else
            {
                after = offset;
            }
        }

        return new TopicLiveStart(after, committed);
    }

    private static async Task<IReadOnlyList<JournalEvent>> ReadEventsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var events = new List<JournalEvent>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(new JournalEvent(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetFieldValue<DateTimeOffset>(2),
                reader.GetFieldValue<string[]>(3),
                reader.GetString(4),
                ParseJson(reader.GetString(5))));
        }

        return events;
    }

    private static JsonElement ParseJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
