using Agents.Persistence.Query;
using Agents.TestKit;
using Npgsql;

namespace Agents.Persistence.PostgreSql.Tests.Query;

public sealed class GlobalOrderTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static async Task<List<EventEnvelope>> TakeAsync(IAsyncEnumerable<EventEnvelope> events, int count)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var taken = new List<EventEnvelope>();
        await foreach (var e in events.WithCancellation(timeout.Token))
        {
            taken.Add(e);
            if (taken.Count == count)
            {
                break;
            }
        }

        return taken;
    }

    private static async Task<List<EventEnvelope>> ToListAsync(IAsyncEnumerable<EventEnvelope> events)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var all = new List<EventEnvelope>();
        await foreach (var e in events.WithCancellation(timeout.Token))
        {
            all.Add(e);
        }

        return all;
    }

    private static string Describe(EventEnvelope e) => $"{e.PersistenceId}#{e.SequenceNr}";

    /// <summary>Inserts an event the way the journal does, inside the caller's open transaction.</summary>
    private static async Task InsertAsync(NpgsqlConnection connection, string persistenceId, string tag)
    {
        await using var command = new NpgsqlCommand("""
            WITH written AS (
                INSERT INTO agents.journal (persistence_id, sequence_nr, manifest, version, payload, tags, writer, created_at)
                VALUES ($1, 1, 'agents.testkit.spec-event', 1, '{"value":"raw"}', ARRAY[$2], 'raw-sql', now())
                RETURNING tx, ordering)
            INSERT INTO agents.event_tags (tag, tx, ordering) SELECT $2, tx, ordering FROM written
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = persistenceId });
        command.Parameters.Add(new NpgsqlParameter { Value = tag });
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Event_committed_late_with_a_smaller_ordering_is_delivered_in_place_not_skipped()
    {
        await using var store = await Stores.StartAsync(database);
        var tag = Stores.UniqueId("late");
        await using var slow = await database.DataSource.OpenConnectionAsync();
        await using var fast = await database.DataSource.OpenConnectionAsync();
        await using var slowTransaction = await slow.BeginTransactionAsync();
        await InsertAsync(slow, $"{tag}-slow", tag);
        await using (var fastTransaction = await fast.BeginTransactionAsync())
        {
            await InsertAsync(fast, $"{tag}-fast", tag);
            await fastTransaction.CommitAsync();
        }

        // The fast event has the larger ordering and is committed; a reader that trusted ordering alone would
        // deliver it now and then never go back for the slow one.
        var live = TakeAsync(store.ReadJournal.EventsByTag(tag, Offset.NoOffset), 2);
        var current = ToListAsync(store.ReadJournal.CurrentEventsByTag(tag, Offset.NoOffset));
        await slowTransaction.CommitAsync();

        Assert.Equal([$"{tag}-slow#1", $"{tag}-fast#1"], (await live).Select(Describe));
        Assert.Equal([$"{tag}-slow#1", $"{tag}-fast#1"], (await current).Select(Describe));
    }

    [Fact]
    public async Task Writers_on_several_nodes_are_delivered_live_exactly_once_in_the_order_a_later_query_returns()
    {
        const int Nodes = 4, WritersPerNode = 3, EventsPerWriter = 40;
        const int Total = Nodes * WritersPerNode * EventsPerWriter;
        var tag = Stores.UniqueId("nodes");
        await using var reader = await Stores.StartAsync(database);
        var nodes = await Task.WhenAll(Enumerable.Range(0, Nodes).Select(_ => Stores.StartAsync(database)));
        try
        {
            var live = TakeAsync(reader.ReadJournal.EventsByTag(tag, Offset.NoOffset), Total);
            var writers = nodes.SelectMany((node, n) => Enumerable.Range(0, WritersPerNode).Select(w => Task.Run(async () =>
            {
                var pid = $"{tag}-{n}-{w}";
                for (var i = 1; i <= EventsPerWriter; i++)
                {
                    var results = await node.Journal.WriteMessagesAsync([Stores.Write(pid, i, $"{i}", tag)]);
                    Assert.Null(results[0]);
                }
            })));
            await Task.WhenAll(writers);

            var delivered = (await live).Select(Describe).ToList();
            var later = (await ToListAsync(reader.ReadJournal.CurrentEventsByTag(tag, Offset.NoOffset))).Select(Describe).ToList();
            Assert.Equal(Total, delivered.Count);
            Assert.Equal(Total, delivered.Distinct().Count());
            Assert.Equal(later, delivered);
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Resuming_from_an_offset_continues_right_after_that_event_in_the_global_order()
    {
        await using var store = await Stores.StartAsync(database);
        var tag = Stores.UniqueId("resume");
        await using var slow = await database.DataSource.OpenConnectionAsync();
        await using (var slowTransaction = await slow.BeginTransactionAsync())
        {
            // The slow transaction takes its id first but its ordering last: (tx, ordering) puts it first.
            await using (var takeId = new NpgsqlCommand("SELECT pg_current_xact_id()", slow))
            {
                await takeId.ExecuteScalarAsync();
            }

            await store.Journal.WriteMessagesAsync([Stores.Write($"{tag}-fast", 1, "x", tag)]);
            await InsertAsync(slow, $"{tag}-slow", tag);
            await slowTransaction.CommitAsync();
        }

        var all = await ToListAsync(store.ReadJournal.CurrentEventsByTag(tag, Offset.NoOffset));
        var rest = await ToListAsync(store.ReadJournal.CurrentEventsByTag(tag, all[0].Offset));
        Assert.Equal([$"{tag}-slow#1", $"{tag}-fast#1"], all.Select(Describe));
        Assert.Equal([$"{tag}-fast#1"], rest.Select(Describe));
    }

    [Fact]
    public async Task Live_query_wakes_on_a_notification_from_another_node()
    {
        var slowPolling = new PostgreSqlPersistenceOptions { LivePollInterval = TimeSpan.FromMinutes(10) };
        await using var reader = await Stores.StartAsync(database, slowPolling);
        await using var writer = await Stores.StartAsync(database, slowPolling);
        await reader.ReadJournal.Listening;
        var tag = Stores.UniqueId("notified");
        var live = TakeAsync(reader.ReadJournal.EventsByTag(tag, Offset.NoOffset), 1);
        await writer.Journal.WriteMessagesAsync([Stores.Write($"{tag}-a", 1, "x", tag)]);

        Assert.Equal([$"{tag}-a#1"], (await live).Select(Describe));
    }

    [Fact]
    public async Task Live_query_polls_for_rows_written_without_a_notification()
    {
        var time = new ManualTimeProvider();
        var options = new PostgreSqlPersistenceOptions { LivePollInterval = TimeSpan.FromSeconds(5) };
        await using var store = await Stores.StartAsync(database, options, time);
        await store.ReadJournal.Listening;
        var tag = Stores.UniqueId("polled");
        var live = TakeAsync(store.ReadJournal.EventsByTag(tag, Offset.NoOffset), 1);
        await time.WaitForTimersAsync();
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            await InsertAsync(connection, $"{tag}-raw", tag);
        }

        // Each poll may find the row still behind an older transaction of another test; keep the clock moving.
        while (!live.IsCompleted)
        {
            await Task.WhenAny(live, time.WaitForTimersAsync());
            time.Advance(options.LivePollInterval);
        }

        Assert.Equal([$"{tag}-raw#1"], (await live).Select(Describe));
    }
}
