using Agents.Persistence.Query;
using Agents.Persistence.Serialization;
using Agents.Persistence.Snapshots;
using Agents.TestKit;
using Agents.TestKit.Persistence;

namespace Agents.Persistence.PostgreSql.Tests.Journal;

public sealed class BadDataTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private static async Task<List<PersistentRepresentation>> ReplayAsync(PostgreSqlPersistence store, string pid)
    {
        var events = new List<PersistentRepresentation>();
        await foreach (var e in store.Journal.ReplayMessagesAsync(pid, 1, long.MaxValue, long.MaxValue))
        {
            events.Add(e);
        }

        return events;
    }

    private async Task<(PostgreSqlPersistence Store, string Broken, string Healthy)> WriteTwoEntitiesAsync()
    {
        var store = await Stores.StartAsync(database);
        var (broken, healthy) = (Stores.UniqueId("broken"), Stores.UniqueId("healthy"));
        await store.Journal.WriteMessagesAsync([Stores.Write(broken, 1, "b-1"), Stores.Write(broken, 2, "b-2"), Stores.Write(broken, 3, "b-3")]);
        await store.Journal.WriteMessagesAsync([Stores.Write(healthy, 1, "h-1")]);
        return (store, broken, healthy);
    }

    [Fact]
    public async Task Corrupted_payload_fails_only_its_entity_naming_entity_sequence_number_and_manifest()
    {
        var (store, broken, healthy) = await WriteTwoEntitiesAsync();
        await using var _ = store;
        await Stores.ExecuteAsync(database.DataSource,
            """UPDATE agents.journal SET payload = '{"value": {"not": "a string"}}' WHERE persistence_id = $1 AND sequence_nr = 2""", broken);

        var error = await Assert.ThrowsAsync<EventDeserializationException>(() => ReplayAsync(store, broken));
        Assert.Equal((broken, 2L, "agents.testkit.spec-event"), (error.PersistenceId, error.SequenceNr, error.Manifest));
        Assert.Contains($"event 2 of '{broken}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'agents.testkit.spec-event'", error.Message, StringComparison.Ordinal);

        Assert.Equal(["h-1"], (await ReplayAsync(store, healthy)).Select(e => ((SpecEvent)e.Payload).Value));
        Assert.Null((await store.Journal.WriteMessagesAsync([Stores.Write(healthy, 2, "h-2")]))[0]);
    }

    [Fact]
    public async Task Unknown_manifest_fails_only_its_entity()
    {
        var (store, broken, healthy) = await WriteTwoEntitiesAsync();
        await using var _ = store;
        await Stores.ExecuteAsync(database.DataSource,
            "UPDATE agents.journal SET manifest = 'training.vanished' WHERE persistence_id = $1 AND sequence_nr = 3", broken);

        var error = await Assert.ThrowsAsync<EventDeserializationException>(() => ReplayAsync(store, broken));
        Assert.Equal((broken, 3L, "training.vanished"), (error.PersistenceId, error.SequenceNr, error.Manifest));
        Assert.Single(await ReplayAsync(store, healthy));
    }

    [Fact]
    public async Task Events_before_the_corrupted_one_are_replayed_first()
    {
        var (store, broken, _) = await WriteTwoEntitiesAsync();
        await using var __ = store;
        await Stores.ExecuteAsync(database.DataSource,
            "UPDATE agents.journal SET manifest = 'training.vanished' WHERE persistence_id = $1 AND sequence_nr = 3", broken);

        var replayed = new List<long>();
        await Assert.ThrowsAsync<EventDeserializationException>(async () =>
        {
            await foreach (var e in store.Journal.ReplayMessagesAsync(broken, 1, long.MaxValue, long.MaxValue))
            {
                replayed.Add(e.SequenceNr);
            }
        });
        Assert.Equal([1L, 2L], replayed);
    }

    [Fact]
    public async Task Live_tag_query_delivers_the_events_before_a_corrupted_one_then_fails_naming_it()
    {
        await using var store = await Stores.StartAsync(database);
        var (tag, pid) = (Stores.UniqueId("tag"), Stores.UniqueId("tagged"));
        await store.Journal.WriteMessagesAsync([Stores.Write(pid, 1, "t-1", tag), Stores.Write(pid, 2, "t-2", tag), Stores.Write(pid, 3, "t-3", tag)]);
        await Stores.ExecuteAsync(database.DataSource,
            """UPDATE agents.journal SET payload = '{"value": 42}' WHERE persistence_id = $1 AND sequence_nr = 2""", pid);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var delivered = new List<long>();
        var error = await Assert.ThrowsAsync<EventDeserializationException>(async () =>
        {
            await foreach (var e in store.ReadJournal.EventsByTag(tag, Offset.NoOffset, timeout.Token))
            {
                delivered.Add(e.SequenceNr);
            }
        });

        Assert.Equal([1L], delivered);
        Assert.Equal((pid, 2L, "agents.testkit.spec-event"), (error.PersistenceId, error.SequenceNr, error.Manifest));
    }

    [Fact]
    public async Task Corrupted_event_leaves_other_tags_and_entities_readable_and_writable()
    {
        await using var store = await Stores.StartAsync(database);
        var (brokenTag, healthyTag) = (Stores.UniqueId("bad-tag"), Stores.UniqueId("good-tag"));
        var (broken, healthy) = (Stores.UniqueId("broken"), Stores.UniqueId("healthy"));
        await store.Journal.WriteMessagesAsync([Stores.Write(broken, 1, "b-1", brokenTag)]);
        await store.Journal.WriteMessagesAsync([Stores.Write(healthy, 1, "h-1", healthyTag)]);
        await Stores.ExecuteAsync(database.DataSource,
            "UPDATE agents.journal SET manifest = 'training.vanished' WHERE persistence_id = $1", broken);

        await Assert.ThrowsAsync<EventDeserializationException>(async () =>
        {
            await foreach (var _ in store.ReadJournal.CurrentEventsByTag(brokenTag, Offset.NoOffset))
            {
            }
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var live = store.ReadJournal.EventsByTag(healthyTag, Offset.NoOffset, timeout.Token).GetAsyncEnumerator();
        Assert.True(await live.MoveNextAsync());
        Assert.Null((await store.Journal.WriteMessagesAsync([Stores.Write(healthy, 2, "h-2", healthyTag)]))[0]);
        Assert.True(await live.MoveNextAsync());
        await live.DisposeAsync();

        Assert.Equal([healthy], await ReadIdsAsync(store.ReadJournal.CurrentEventsByPersistenceId(healthy, 2, 2)));
    }

    private static async Task<List<string>> ReadIdsAsync(IAsyncEnumerable<EventEnvelope> events)
    {
        var ids = new List<string>();
        await foreach (var e in events)
        {
            ids.Add(e.PersistenceId);
        }

        return ids;
    }

    [Fact]
    public async Task Corrupted_snapshot_fails_with_an_error_naming_it()
    {
        await using var store = await Stores.StartAsync(database);
        var pid = Stores.UniqueId("snap");
        await store.SnapshotStore.SaveAsync(new SnapshotMetadata(pid, 4), new SpecSnapshot("s"));
        await Stores.ExecuteAsync(database.DataSource, "UPDATE agents.snapshots SET payload = '[]' WHERE persistence_id = $1", pid);

        var error = await Assert.ThrowsAsync<EventDeserializationException>(() =>
            store.SnapshotStore.LoadAsync(pid, SnapshotSelectionCriteria.Latest));
        Assert.Equal((pid, 4L, "agents.testkit.spec-snapshot"), (error.PersistenceId, error.SequenceNr, error.Manifest));
    }

    [Fact]
    public async Task Payload_is_jsonb_readable_with_plain_sql()
    {
        await using var store = await Stores.StartAsync(database);
        var pid = Stores.UniqueId("sql");
        await store.Journal.WriteMessagesAsync([Stores.Write(pid, 1, "readable", "audit")]);

        Assert.Equal("readable", await Stores.ScalarAsync<string>(
            database.DataSource,
            "SELECT payload->>'value' FROM agents.journal WHERE persistence_id = $1 AND 'audit' = ANY(tags) AND jsonb_typeof(payload) = 'object'",
            pid));
    }
}
