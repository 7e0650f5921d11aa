using System.Globalization;
using Agents.Persistence.Topics;
using Agents.TestKit;
using Agents.TestKit.Persistence;
using Npgsql;

namespace Agents.Persistence.PostgreSql.Tests.Topics;

public sealed class TopicLogOrderTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static async Task<List<TopicEnvelope>> TakeAsync(IAsyncEnumerable<TopicEnvelope> events, int count)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var taken = new List<TopicEnvelope>();
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

    private static async Task<List<TopicEnvelope>> ToListAsync(IAsyncEnumerable<TopicEnvelope> events)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var all = new List<TopicEnvelope>();
        await foreach (var e in events.WithCancellation(timeout.Token))
        {
            all.Add(e);
        }

        return all;
    }

    private static string ValueOf(TopicEnvelope e) => Assert.IsType<SpecEvent>(e.Payload).Value;

    /// <summary>Inserts a topic event the way the log does, inside the caller's open transaction.</summary>
    private static async Task InsertAsync(NpgsqlConnection connection, string topic, string manifest, string json)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO agents.topic_events (topic, manifest, version, payload, publisher, created_at)
            VALUES ($1, $2, 1, $3::jsonb, 'raw-sql', now())
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = topic });
        command.Parameters.Add(new NpgsqlParameter { Value = manifest });
        command.Parameters.Add(new NpgsqlParameter { Value = json });
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Concurrent_publishers_and_a_live_reader_see_every_event_once_in_one_stable_order()
    {
        const int Publishers = 8;
        const int Appends = 40;
        await using var store = await Stores.StartAsync(database);
        var prefix = Stores.UniqueId("burst") + ".";
        var filter = TopicFilter.StartingWith(prefix);
        var expected = Publishers * Appends * 2;
        var live = TakeAsync(store.TopicLog.SubscribeAsync(TopicOffset.Start, filter), expected);

        // A second store publishes too: its appends run in other transactions on other connections.
        await using var other = await Stores.StartAsync(database);
        var publishing = Enumerable.Range(0, Publishers).Select(p => Task.Run(async () =>
        {
            var log = p % 2 == 0 ? store.TopicLog : other.TopicLog;
            for (var i = 0; i < Appends; i++)
            {
                await log.AppendAsync(
                [
                    new TopicRecord($"{prefix}p{p}", new SpecEvent($"{p}-{i}-a"), $"publisher-{p}"),
                    new TopicRecord($"{prefix}p{p}", new SpecEvent($"{p}-{i}-b"), $"publisher-{p}"),
                ]);
            }
        }));
        await Task.WhenAll(publishing);

        var delivered = await live;
        var values = delivered.Select(ValueOf).ToList();
        Assert.Equal(expected, values.Distinct().Count());
        Assert.Equal(
            Enumerable.Range(0, Publishers).SelectMany(p => Enumerable.Range(0, Appends).SelectMany(i => new[] { $"{p}-{i}-a", $"{p}-{i}-b" })).Order(),
            values.Order());
        for (var i = 1; i < delivered.Count; i++)
        {
            Assert.True(delivered[i - 1].Offset < delivered[i].Offset, $"{delivered[i - 1].Offset} then {delivered[i].Offset} at {i}");
        }

        // Each publisher's appends come in the order it made them, and a reader started now sees the same order.
        foreach (var p in Enumerable.Range(0, Publishers))
        {
            var own = values.Where(v => v.StartsWith($"{p}-", StringComparison.Ordinal)).ToList();
            Assert.Equal(Enumerable.Range(0, Appends).SelectMany(i => new[] { $"{p}-{i}-a", $"{p}-{i}-b" }), own);
        }

        Assert.Equal(delivered.Select(e => e.Offset), (await ToListAsync(store.TopicLog.ReadAsync(TopicOffset.Start, filter))).Select(e => e.Offset));
    }

    [Fact]
    public async Task Event_committed_late_with_a_smaller_sequence_is_delivered_in_place_not_skipped()
    {
        await using var store = await Stores.StartAsync(database);
        var prefix = Stores.UniqueId("late") + ".";
        var filter = TopicFilter.StartingWith(prefix);
        await using var slow = await database.DataSource.OpenConnectionAsync();
        await using var slowTransaction = await slow.BeginTransactionAsync();
        await InsertAsync(slow, prefix + "slow", "agents.testkit.spec-event", """{"value":"slow"}""");
        await store.TopicLog.AppendAsync([new TopicRecord(prefix + "fast", new SpecEvent("fast"), "p")]);

        // The fast event has the larger sequence and is committed; a reader that trusted the sequence alone would
        // deliver it now and then never go back for the slow one.
        var live = TakeAsync(store.TopicLog.SubscribeAsync(TopicOffset.Start, filter), 2);
        var current = ToListAsync(store.TopicLog.ReadAsync(TopicOffset.Start, filter));
        await slowTransaction.CommitAsync();

        Assert.Equal(["slow", "fast"], (await live).Select(ValueOf));
        Assert.Equal(["slow", "fast"], (await current).Select(ValueOf));
    }

    [Fact]
    public async Task Row_with_an_unknown_manifest_fails_the_read_naming_its_offset_and_manifest()
    {
        await using var store = await Stores.StartAsync(database);
        var prefix = Stores.UniqueId("bad") + ".";
        await store.TopicLog.AppendAsync([new TopicRecord(prefix + "a", new SpecEvent("good"), "p")]);
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            await InsertAsync(connection, prefix + "a", "agents.unknown-event", """{"value":"?"}""");
        }

        var bad = await Stores.ScalarAsync<long>(
            database.DataSource, "SELECT ordering FROM agents.topic_events WHERE topic = $1 AND manifest = 'agents.unknown-event'", prefix + "a");
        var read = new List<TopicEnvelope>();
        var error = await Assert.ThrowsAsync<TopicPayloadException>(async () =>
        {
            await foreach (var e in store.TopicLog.ReadAsync(TopicOffset.Start, TopicFilter.StartingWith(prefix)))
            {
                read.Add(e);
            }
        });

        Assert.Equal(["good"], read.Select(ValueOf));
        Assert.Equal(bad, error.Offset.Sequence);
        Assert.Equal("agents.unknown-event", error.Manifest);
        Assert.Contains($"offset {error.Offset}", error.Message, StringComparison.Ordinal);
        Assert.Contains("manifest 'agents.unknown-event'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Live_reader_in_another_process_is_woken_by_the_notification()
    {
        // Polling every ten minutes: within the test, only LISTEN/NOTIFY can wake the reader.
        var options = new PostgreSqlPersistenceOptions { LivePollInterval = TimeSpan.FromMinutes(10) };
        await using var readerSource = NpgsqlDataSource.Create(database.ConnectionString);
        await using var reader = await Stores.StartAsync(readerSource, options);
        await using var writer = await Stores.StartAsync(database, options);
        await reader.ReadJournal.Listening.WaitAsync(Patience);
        var prefix = Stores.UniqueId("remote") + ".";
        var live = TakeAsync(reader.TopicLog.SubscribeAsync(TopicOffset.Start, TopicFilter.StartingWith(prefix)), 3);

        for (var i = 1; i <= 3; i++)
        {
            await writer.TopicLog.AppendAsync([new TopicRecord(prefix + "a", new SpecEvent(i.ToString(CultureInfo.InvariantCulture)), "p")]);
        }

        Assert.Equal(["1", "2", "3"], (await live).Select(ValueOf));
    }

    [Fact]
    public async Task Offsets_are_the_rows_transaction_and_ordering()
    {
        await using var store = await Stores.StartAsync(database);
        var offset = (await store.TopicLog.AppendAsync([new TopicRecord(Stores.UniqueId("rows") + ".a", new SpecEvent("x"), "p")]))[0];

        Assert.Equal(offset.Batch.ToString(CultureInfo.InvariantCulture), await Stores.ScalarAsync<string>(
            database.DataSource, "SELECT tx::text FROM agents.topic_events WHERE ordering = $1", offset.Sequence));
    }

    [Fact]
    public async Task Stored_subscription_offset_survives_a_restart_of_the_store()
    {
        var subscription = Stores.UniqueId("sub");
        var offset = new TopicOffset(1234, 56);
        await using (var first = await Stores.StartAsync(database))
        {
            await first.TopicLog.StoreOffsetAsync(subscription, offset);
        }

        await using var second = await Stores.StartAsync(database);
        Assert.Equal(offset, await second.TopicLog.LoadOffsetAsync(subscription));
    }
}
