using System.Security.Cryptography;
using Agents.EmbeddedPostgres;
using Agents.Persistence.Journal;
using Npgsql;

namespace Agents.Persistence.PostgreSql.Tests.Outage;

/// <summary>Runs against a private server of its own, which the test stops and starts again.</summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private readonly string _dataDirectory =
        Path.Combine(Path.GetTempPath(), "agents-outage-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)));

    private PostgresServer? _server;

    public async Task InitializeAsync() => _server = await new PostgresLauncher(new() { DataDirectory = _dataDirectory }).StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Directory.Delete(_dataDirectory, recursive: true);
        File.Delete(_dataDirectory + ".password");
    }

    [Fact]
    public async Task Writes_fail_clearly_while_the_database_is_down_and_succeed_once_it_is_back()
    {
        var server = _server!;
        await using var dataSource = NpgsqlDataSource.Create(server.ConnectionString);
        await using var store = await Stores.StartAsync(dataSource, new() { LivePollInterval = TimeSpan.FromMilliseconds(100) });
        Assert.Null((await store.Journal.WriteMessagesAsync([Stores.Write("outage", 1, "before")]))[0]);

        await server.StopAsync();
        var writeError = await Assert.ThrowsAsync<JournalStorageException>(() =>
            store.Journal.WriteMessagesAsync([Stores.Write("outage", 2, "during")]));
        Assert.Contains($"PostgreSQL at 127.0.0.1:{server.Port}/postgres", writeError.Message, StringComparison.Ordinal);
        Assert.Contains("recover from the journal", writeError.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<JournalStorageException>(() => store.Journal.ReadHighestSequenceNrAsync("outage"));

        _server = await new PostgresLauncher(new() { DataDirectory = _dataDirectory, Port = server.Port }).StartAsync();
        Assert.Null((await store.Journal.WriteMessagesAsync([Stores.Write("outage", 2, "after")]))[0]);
        var replayed = new List<long>();
        await foreach (var e in store.Journal.ReplayMessagesAsync("outage", 1, long.MaxValue, long.MaxValue))
        {
            replayed.Add(e.SequenceNr);
        }

        Assert.Equal([1L, 2L], replayed);
    }
}
