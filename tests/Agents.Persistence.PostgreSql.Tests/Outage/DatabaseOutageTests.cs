using System.Collections.Concurrent;
using System.Security.Cryptography;
using Agents.EmbeddedPostgres;
using Agents.Persistence.Journal;
using Agents.Persistence.Query;
using Agents.Persistence.Topics;
using Agents.TestKit.Persistence;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Agents.Persistence.PostgreSql.Tests.Outage;

/// <summary>Runs against a private server of its own, which the test stops and starts again on the same data.</summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

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

    private async Task<PostgresServer> RestartAsync()
    {
        var port = _server!.Port;
        await _server.StopAsync();
        _server = await new PostgresLauncher(new() { DataDirectory = _dataDirectory, Port = port }).StartAsync();
        return _server;
    }

    private static async Task<List<long>> ReplayAsync(PostgreSqlPersistence store, string persistenceId)
    {
        var replayed = new List<long>();
        await foreach (var e in store.Journal.ReplayMessagesAsync(persistenceId, 1, long.MaxValue, long.MaxValue))
        {
            replayed.Add(e.SequenceNr);
        }

        return replayed;
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
        Assert.Equal([1L, 2L], await ReplayAsync(store, "outage"));
    }

    [Fact]
    public async Task Writes_in_flight_when_the_server_stops_fail_clearly_and_every_acknowledged_event_survives()
    {
        const int Writers = 50;
        await using var dataSource = NpgsqlDataSource.Create(_server!.ConnectionString);
        await using var store = await Stores.StartAsync(dataSource);
        var acknowledged = new long[Writers];
        var failures = new ConcurrentBag<Exception>();
        var enoughWritten = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        long total = 0;
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var seq = 1L; ; seq++)
            {
                try
                {
                    var results = await store.Journal.WriteMessagesAsync([Stores.Write($"burst-{w}", seq, "e")]);
                    Assert.Null(results[0]);
                }
                catch (Exception e)
                {
                    failures.Add(e);
                    return;
                }

                acknowledged[w] = seq;
                if (Interlocked.Increment(ref total) == 2_000)
                {
                    enoughWritten.TrySetResult();
                }
            }
        })).ToList();

        await enoughWritten.Task.WaitAsync(Patience);
        await RestartAsync();
        await Task.WhenAll(writers).WaitAsync(Patience);

        Assert.Equal(Writers, failures.Count);
        Assert.All(failures, e => Assert.IsType<JournalStorageException>(e));
        for (var w = 0; w < Writers; w++)
        {
            var stored = await ReplayAsync(store, $"burst-{w}");
            Assert.Equal(Enumerable.Range(1, stored.Count).Select(i => (long)i), stored);
            Assert.True(stored.Count >= acknowledged[w], $"burst-{w}: {acknowledged[w]} acknowledged, {stored.Count} stored");
            Assert.Null((await store.Journal.WriteMessagesAsync([Stores.Write($"burst-{w}", stored.Count + 1, "after")]))[0]);
        }
    }

    [Fact]
    public async Task Live_queries_resume_after_the_server_restarts_woken_by_the_reconnected_listener()
    {
        // Polling every ten minutes: within the test, only the LISTEN connection can wake the query.
        var options = new PostgreSqlPersistenceOptions { LivePollInterval = TimeSpan.FromMinutes(10) };
        await using var readerSource = NpgsqlDataSource.Create(_server!.ConnectionString);
        await using var writerSource = NpgsqlDataSource.Create(_server.ConnectionString);
        await using var reader = await Stores.StartAsync(readerSource, options);
        await using var writer = await Stores.StartAsync(writerSource, options);
        await reader.ReadJournal.Listening.WaitAsync(Patience);
        using var timeout = new CancellationTokenSource(Patience);
        await using var live = reader.ReadJournal.EventsByTag("resumed", Offset.NoOffset, timeout.Token).GetAsyncEnumerator();
        var first = live.MoveNextAsync().AsTask();
        Assert.Null((await writer.Journal.WriteMessagesAsync([Stores.Write("remote", 1, "before", "resumed")]))[0]);
        Assert.True(await first);

        await RestartAsync();
        var second = live.MoveNextAsync().AsTask();
        await WriteUntilStoredAsync(writer, Stores.Write("remote", 2, "after", "resumed"));

        Assert.True(await second);
        Assert.Equal(("remote", 2L), (live.Current.PersistenceId, live.Current.SequenceNr));
    }

    [Fact]
    public async Task Live_query_that_reads_while_the_server_is_down_keeps_retrying_and_resumes()
    {
        var options = new PostgreSqlPersistenceOptions { LivePollInterval = TimeSpan.FromMilliseconds(100) };
        var log = new FailedReadLog();
        await using var readerSource = NpgsqlDataSource.Create(_server!.ConnectionString);
        await using var writerSource = NpgsqlDataSource.Create(_server.ConnectionString);
        await using var reader = await PostgreSqlPersistence.StartAsync(
            readerSource, TestKit.Persistence.PersistenceSpec.Serializer, options, loggerFactory: log);
        await using var writer = await Stores.StartAsync(writerSource, options);
        Assert.Null((await writer.Journal.WriteMessagesAsync([Stores.Write("polled", 1, "before")]))[0]);
        using var timeout = new CancellationTokenSource(Patience);
        await using var live = reader.ReadJournal.EventsByPersistenceId("polled", 1, long.MaxValue, timeout.Token).GetAsyncEnumerator();
        Assert.True(await live.MoveNextAsync());

        var second = live.MoveNextAsync().AsTask();
        await _server.StopAsync();
        await log.FirstFailedRead.WaitAsync(Patience);
        _server = await new PostgresLauncher(new() { DataDirectory = _dataDirectory, Port = _server.Port }).StartAsync();
        await WriteUntilStoredAsync(writer, Stores.Write("polled", 2, "after"));

        Assert.True(await second);
        Assert.Equal(2L, live.Current.SequenceNr);
    }

    [Fact]
    public async Task Live_topic_subscription_resumes_after_the_server_restarts()
    {
        var options = new PostgreSqlPersistenceOptions { LivePollInterval = TimeSpan.FromMilliseconds(100) };
        await using var readerSource = NpgsqlDataSource.Create(_server!.ConnectionString);
        await using var writerSource = NpgsqlDataSource.Create(_server.ConnectionString);
        await using var reader = await Stores.StartAsync(readerSource, options);
        await using var writer = await Stores.StartAsync(writerSource, options);
        await writer.TopicLog.AppendAsync([new TopicRecord("outage.before", new SpecEvent("before"), "p")]);
        using var timeout = new CancellationTokenSource(Patience);
        await using var live = reader.TopicLog.SubscribeAsync(TopicOffset.Start, cancellationToken: timeout.Token).GetAsyncEnumerator();
        Assert.True(await live.MoveNextAsync());

        var second = live.MoveNextAsync().AsTask();
        await RestartAsync();
        while (true)
        {
            try
            {
                await writer.TopicLog.AppendAsync([new TopicRecord("outage.after", new SpecEvent("after"), "p")], timeout.Token);
                break;
            }
            catch (JournalStorageException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token);
            }
        }

        Assert.True(await second);
        Assert.Equal("outage.after", live.Current.Topic);
    }

    /// <summary>
    /// What a persistent actor does after a storage failure: back off, then write again. The first write on a
    /// connection the restart broke fails, since its outcome cannot be known.
    /// </summary>
    private static async Task WriteUntilStoredAsync(PostgreSqlPersistence store, AtomicWrite write)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            try
            {
                Assert.Null((await store.Journal.WriteMessagesAsync([write], timeout.Token))[0]);
                return;
            }
            catch (JournalStorageException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token);
            }
        }
    }

    /// <summary>Records the warning a live query logs when a read fails.</summary>
    private sealed class FailedReadLog : ILoggerFactory, ILogger
    {
        private readonly TaskCompletionSource _failedRead = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task FirstFailedRead => _failedRead.Task;

        public ILogger CreateLogger(string categoryName) => this;

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (formatter(state, exception).StartsWith("A live query could not read", StringComparison.Ordinal))
            {
                _failedRead.TrySetResult();
            }
        }

        public void Dispose()
        {
        }
    }
}
