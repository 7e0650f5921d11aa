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
    /// The offset a live-only reader starts after: the newest event below the read horizon (the oldest transaction
    /// still running), as the topic log reads. Events committed at or above the horizon come after it, so a reader
    /// that starts here misses nothing that commits later; at worst it also gets a few events just committed.
    /// </summary>
    public async Task<TopicOffset> ReadTopicEndAsync(CancellationToken cancellationToken)
    {
        await using var command = runtime.DataSource.CreateCommand($"""
            SELECT tx::text, ordering FROM {Schema}.topic_events
            WHERE tx < pg_snapshot_xmin(pg_current_snapshot())
            ORDER BY tx DESC, ordering DESC
            LIMIT 1
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new TopicOffset(ulong.Parse(reader.GetString(0), CultureInfo.InvariantCulture), reader.GetInt64(1))
            : TopicOffset.Start;
    }

    private static JsonElement ParseJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
