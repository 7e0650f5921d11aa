using System.Threading.Channels;
using Agents.TestKit;
using Npgsql;

namespace Agents.Persistence.PostgreSql.Tests.Journal;

public sealed class NotificationIntervalTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    // A safety net for a missing notification, not a measurement.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Commits_within_the_minimum_interval_are_announced_by_one_notify()
    {
        var channel = "changes_" + Guid.NewGuid().ToString("N")[..12];
        var time = new ManualTimeProvider();
        var options = new PostgreSqlPersistenceOptions { NotificationChannel = channel, MinNotificationInterval = TimeSpan.FromSeconds(1) };
        await using var store = await Stores.StartAsync(database, options, time);
        await using var listener = await database.DataSource.OpenConnectionAsync();
        var received = Channel.CreateUnbounded<string>();
        listener.Notification += (_, e) => received.Writer.TryWrite(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN \"{channel}\"", listener))
        {
            await listen.ExecuteNonQueryAsync();
        }

        var first = Stores.UniqueId("first");
        await store.Journal.WriteMessagesAsync([Stores.Write(first, 1, "x")]);
        Assert.Contains(first, await NextAsync(listener, received));

        // The sender now pauses for the interval; the next two commits wait for its end and share one NOTIFY.
        await time.WaitForTimersAsync();
        var second = Stores.UniqueId("second");
        var third = Stores.UniqueId("third");
        await store.Journal.WriteMessagesAsync([Stores.Write(second, 1, "x")]);
        await store.Journal.WriteMessagesAsync([Stores.Write(third, 1, "x")]);
        time.Advance(options.MinNotificationInterval);

        var payload = await NextAsync(listener, received);
        Assert.Contains(second, payload);
        Assert.Contains(third, payload);
    }

    private static async Task<string> NextAsync(NpgsqlConnection listener, Channel<string> received)
    {
        using var timeout = new CancellationTokenSource(Patience);
        string? payload;
        while (!received.Reader.TryRead(out payload))
        {
            await listener.WaitAsync(timeout.Token);
        }

        return payload;
    }
}
