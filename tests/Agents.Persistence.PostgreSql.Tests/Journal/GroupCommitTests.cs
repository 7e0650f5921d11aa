using Agents.Persistence.Journal;
using Agents.TestKit;

namespace Agents.Persistence.PostgreSql.Tests.Journal;

public sealed class GroupCommitTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(50);

    private Task<long> TransactionsOfAsync(string prefix) => Stores.ScalarAsync<long>(
        database.DataSource, "SELECT count(DISTINCT tx) FROM agents.journal WHERE persistence_id LIKE $1 || '%'", prefix);

    [Fact]
    public async Task Writes_that_arrive_within_the_window_share_one_transaction()
    {
        var time = new ManualTimeProvider();
        await using var store = await Stores.StartAsync(database, new() { WriteBatchWindow = Window, MinNotificationInterval = TimeSpan.Zero }, time);
        var prefix = Stores.UniqueId("window");
        var first = store.Journal.WriteMessagesAsync([Stores.Write($"{prefix}-0", 1, "x")]);
        await time.WaitForTimersAsync();
        var rest = Enumerable.Range(1, 19).Select(i => store.Journal.WriteMessagesAsync([Stores.Write($"{prefix}-{i}", 1, "x")])).ToList();
        time.Advance(Window);

        foreach (var results in await Task.WhenAll(rest.Prepend(first)))
        {
            Assert.Null(Assert.Single(results));
        }

        Assert.Equal(1, await TransactionsOfAsync(prefix));
        Assert.Equal(20, await Stores.ScalarAsync<long>(
            database.DataSource, "SELECT count(*) FROM agents.journal WHERE persistence_id LIKE $1 || '%'", prefix));
    }

    [Fact]
    public async Task A_batch_holds_at_most_the_maximum_number_of_events()
    {
        var time = new ManualTimeProvider();
        await using var store = await Stores.StartAsync(database, new() { WriteBatchWindow = Window, MinNotificationInterval = TimeSpan.Zero, MaxWriteBatchSize = 5 }, time);
        var prefix = Stores.UniqueId("max");
        var first = store.Journal.WriteMessagesAsync([Stores.Write($"{prefix}-0", 1, "x")]);
        await time.WaitForTimersAsync();
        var rest = Enumerable.Range(1, 11).Select(i => store.Journal.WriteMessagesAsync([Stores.Write($"{prefix}-{i}", 1, "x")])).ToList();
        time.Advance(Window);
        await time.WaitForTimersAsync();
        time.Advance(Window);
        await Task.WhenAll(rest.Prepend(first));

        var sizes = await Stores.ScalarAsync<long[]>(
            database.DataSource,
            "SELECT array_agg(n ORDER BY first) FROM (SELECT count(*) AS n, min(ordering) AS first FROM agents.journal WHERE persistence_id LIKE $1 || '%' GROUP BY tx) AS b",
            prefix);
        Assert.Equal(new long[] { 5, 5, 2 }, sizes);
    }

    [Fact]
    public async Task A_second_writer_in_a_batch_fails_alone_and_the_others_commit_together()
    {
        var time = new ManualTimeProvider();
        await using var store = await Stores.StartAsync(database, new() { WriteBatchWindow = Window, MinNotificationInterval = TimeSpan.Zero }, time);
        var prefix = Stores.UniqueId("fenced");
        var owned = $"{prefix}-owned";
        var setup = store.Journal.WriteMessagesAsync([Stores.Write(owned, 1, "original")]);
        await time.WaitForTimersAsync();
        time.Advance(Window);
        await setup;

        var first = store.Journal.WriteMessagesAsync([Stores.Write($"{prefix}-0", 1, "x")]);
        await time.WaitForTimersAsync();
        var before = Enumerable.Range(1, 5).Select(i => store.Journal.WriteMessagesAsync([Stores.Write($"{prefix}-{i}", 1, "x")])).ToList();
        var intruder = store.Journal.WriteMessagesAsync([Stores.Write(owned, 1, "intruder")]);
        var after = Enumerable.Range(6, 5).Select(i => store.Journal.WriteMessagesAsync([Stores.Write($"{prefix}-{i}", 1, "x")])).ToList();
        time.Advance(Window);

        var conflict = await Assert.ThrowsAsync<SequenceNumberConflictException>(() => intruder);
        Assert.Equal((owned, 1L), (conflict.PersistenceId, conflict.SequenceNr));
        foreach (var results in await Task.WhenAll(before.Prepend(first).Concat(after)))
        {
            Assert.Null(Assert.Single(results));
        }

        Assert.Equal(2, await TransactionsOfAsync(prefix));
        Assert.Equal("original", await Stores.ScalarAsync<string>(
            database.DataSource, "SELECT payload->>'value' FROM agents.journal WHERE persistence_id = $1", owned));
    }

    [Fact]
    public async Task Event_data_that_PostgreSQL_refuses_rejects_only_its_write()
    {
        await using var store = await Stores.StartAsync(database, serializer: new BrokenJsonSerializer());
        var prefix = Stores.UniqueId("refused");

        var results = await store.Journal.WriteMessagesAsync(
        [
            Stores.Write($"{prefix}-a", 1, "fine"),
            Stores.Write($"{prefix}-b", 1, BrokenJsonSerializer.Poison),
            Stores.Write($"{prefix}-c", 1, "fine"),
        ]);

        Assert.Null(results[0]);
        var rejection = Assert.IsType<WriteRejectedException>(results[1]);
        Assert.Equal($"{prefix}-b", rejection.PersistenceId);
        Assert.Null(results[2]);
        Assert.Equal(0, await store.Journal.ReadHighestSequenceNrAsync($"{prefix}-b"));
        Assert.Equal(1, await store.Journal.ReadHighestSequenceNrAsync($"{prefix}-c"));
    }

    [Fact]
    public async Task A_large_batch_spoilt_by_a_second_writer_and_refused_data_fails_only_those_writes()
    {
        var time = new ManualTimeProvider();
        await using var store = await Stores.StartAsync(database, new() { WriteBatchWindow = Window, MinNotificationInterval = TimeSpan.Zero }, time, new BrokenJsonSerializer());
        var prefix = Stores.UniqueId("large");
        var owned = $"{prefix}-owned";
        var setup = store.Journal.WriteMessagesAsync([Stores.Write(owned, 1, "original")]);
        await time.WaitForTimersAsync();
        time.Advance(Window);
        await setup;

        var many = store.Journal.WriteMessagesAsync(
            [.. Enumerable.Range(0, 200).Select(i => Stores.Write($"{prefix}-{i}", 1, i == 100 ? BrokenJsonSerializer.Poison : "x"))]);
        await time.WaitForTimersAsync();
        var intruder = store.Journal.WriteMessagesAsync([Stores.Write(owned, 1, "intruder")]);
        time.Advance(Window);

        await Assert.ThrowsAsync<SequenceNumberConflictException>(() => intruder);
        var results = await many;
        Assert.IsType<WriteRejectedException>(results[100]);
        Assert.Equal(199, results.Count(r => r is null));
        Assert.Equal(200L, await Stores.ScalarAsync<long>(
            database.DataSource, "SELECT count(*) FROM agents.journal WHERE persistence_id LIKE $1 || '%'", prefix));
    }

    [Fact]
    public async Task A_completed_write_is_visible_to_other_connections()
    {
        await using var store = await Stores.StartAsync(database);
        var pid = Stores.UniqueId("visible");
        await store.Journal.WriteMessagesAsync([Stores.Write(pid, 1, "x")]);

        Assert.Equal(1, await Stores.ScalarAsync<long>(
            database.DataSource, "SELECT count(*) FROM agents.journal WHERE persistence_id = $1", pid));
    }

    [Fact]
    public async Task Disposing_the_store_writes_what_is_queued()
    {
        var time = new ManualTimeProvider();
        var store = await Stores.StartAsync(database, new() { WriteBatchWindow = Window, MinNotificationInterval = TimeSpan.Zero }, time);
        var pid = Stores.UniqueId("queued");
        var write = store.Journal.WriteMessagesAsync([Stores.Write(pid, 1, "x")]);
        await time.WaitForTimersAsync();
        await store.DisposeAsync();

        Assert.Null(Assert.Single(await write));
        Assert.Equal(1, await Stores.ScalarAsync<long>(
            database.DataSource, "SELECT count(*) FROM agents.journal WHERE persistence_id = $1", pid));
    }

    [Fact]
    public async Task Writing_after_dispose_is_refused()
    {
        var store = await Stores.StartAsync(database);
        await store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() =>
            store.Journal.WriteMessagesAsync([Stores.Write(Stores.UniqueId("late"), 1, "x")]));
    }
}
