using Agents.Persistence.Journal;
using Agents.Persistence.PostgreSql.Projections;
using Agents.Persistence.Query;
using Agents.TestKit;
using Npgsql;

namespace Agents.Persistence.PostgreSql.Tests.Projections;

public sealed class ProjectionRunnerTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>, IAsyncLifetime
{
    private readonly string _tag = Stores.UniqueId("proj");
    private readonly string _table = "read_model_" + Guid.NewGuid().ToString("N")[..12];
    private PostgreSqlPersistence? _store;

    private PostgreSqlPersistence Store => _store!;

    public async Task InitializeAsync()
    {
        _store = await Stores.StartAsync(database);
        await Stores.ExecuteAsync(database.DataSource,
            $"CREATE TABLE {_table} (persistence_id text, sequence_nr bigint, times integer NOT NULL, PRIMARY KEY (persistence_id, sequence_nr))");
    }

    public async Task DisposeAsync() => await Store.DisposeAsync();

    /// <summary>The read-model effect of one event: counts how often it was applied.</summary>
    private async Task ApplyAsync(EventEnvelope envelope, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"INSERT INTO {_table} VALUES ($1, $2, 1) ON CONFLICT (persistence_id, sequence_nr) DO UPDATE SET times = {_table}.times + 1",
            transaction.Connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = envelope.PersistenceId });
        command.Parameters.Add(new NpgsqlParameter { Value = envelope.SequenceNr });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task WriteEventsAsync(int entities, int eventsEach)
    {
        for (var i = 1; i <= eventsEach; i++)
        {
            var writes = Enumerable.Range(0, entities).Select(e => Stores.Write($"{_tag}-{e}", i, $"{e}-{i}", _tag)).ToList();
            Assert.All(await Store.Journal.WriteMessagesAsync(writes), Assert.Null);
        }
    }

    private async Task<(long Rows, long Applications)> ReadModelAsync()
    {
        await using var command = database.DataSource.CreateCommand($"SELECT count(*), coalesce(sum(times), 0) FROM {_table}");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>Runs <paramref name="runner"/> until <paramref name="commits"/> events have committed, then stops it.</summary>
    private static async Task RunUntilAsync(ProjectionRunner runner, int commits)
    {
        var committed = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();
        var running = runner.RunAsync(
            _ =>
            {
                if (Interlocked.Increment(ref committed) == commits)
                {
                    done.TrySetResult();
                }
            },
            stop.Token);
        await Task.WhenAny(done.Task, running).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(running.IsFaulted, running.Exception?.ToString());
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        Assert.Equal(commits, committed);
    }

    [Fact]
    public async Task Crash_mid_stream_then_restart_applies_every_event_exactly_once()
    {
        await WriteEventsAsync(entities: 4, eventsEach: 5);
        var seen = 0;
        var crashing = Store.CreateProjection("crash-test", _tag, async (envelope, transaction, token) =>
        {
            await ApplyAsync(envelope, transaction, token);
            if (++seen == 8)
            {
                throw new InvalidOperationException("simulated crash after the effect, before commit");
            }
        });

        var failure = await Assert.ThrowsAsync<ProjectionFailedException>(() => crashing.RunAsync());
        Assert.Equal("crash-test", failure.Projection);
        Assert.Equal((7L, 7L), await ReadModelAsync());

        await RunUntilAsync(Store.CreateProjection("crash-test", _tag, ApplyAsync), commits: 13);

        Assert.Equal((20L, 20L), await ReadModelAsync());
    }

    [Fact]
    public async Task Stopping_inside_a_handler_rolls_that_event_back_and_a_restart_applies_it_once()
    {
        await WriteEventsAsync(entities: 2, eventsEach: 3);
        using var stop = new CancellationTokenSource();
        var seen = 0;
        var stopping = Store.CreateProjection("stop-test", _tag, async (envelope, transaction, token) =>
        {
            await ApplyAsync(envelope, transaction, token);
            if (++seen == 3)
            {
                await stop.CancelAsync();
                token.ThrowIfCancellationRequested();
            }
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stopping.RunAsync(stop.Token));
        Assert.Equal((2L, 2L), await ReadModelAsync());

        await RunUntilAsync(Store.CreateProjection("stop-test", _tag, ApplyAsync), commits: 4);

        Assert.Equal((6L, 6L), await ReadModelAsync());
    }

    [Fact]
    public async Task Projection_follows_events_written_after_it_started_and_stores_its_offset()
    {
        var runner = Store.CreateProjection("follow-test", _tag, ApplyAsync);
        var running = RunUntilAsync(runner, commits: 6);
        await WriteEventsAsync(entities: 3, eventsEach: 2);
        await running;

        var last = (await ToListAsync(Store.ReadJournal.CurrentEventsByTag(_tag, Offset.NoOffset)))[^1];
        Assert.Equal(last.Offset, await runner.ReadOffsetAsync());
        Assert.Equal((6L, 6L), await ReadModelAsync());
    }

    [Fact]
    public async Task A_second_runner_of_the_same_projection_cannot_apply_an_event_twice()
    {
        await WriteEventsAsync(entities: 1, eventsEach: 4);
        var firstBlocked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = Store.CreateProjection("twin-test", _tag, async (envelope, transaction, token) =>
        {
            if (envelope.SequenceNr == 2)
            {
                firstBlocked.TrySetResult();
                await releaseFirst.Task.WaitAsync(token);
            }

            await ApplyAsync(envelope, transaction, token);
        });
        var firstRun = first.RunAsync();
        await firstBlocked.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await RunUntilAsync(Store.CreateProjection("twin-test", _tag, ApplyAsync), commits: 3);
        releaseFirst.TrySetResult();

        var error = await Assert.ThrowsAsync<JournalStorageException>(() => firstRun);
        Assert.Contains("another runner", error.Message, StringComparison.Ordinal);
        Assert.Equal((4L, 4L), await ReadModelAsync());
    }

    private static async Task<List<EventEnvelope>> ToListAsync(IAsyncEnumerable<EventEnvelope> events)
    {
        var all = new List<EventEnvelope>();
        await foreach (var e in events)
        {
            all.Add(e);
        }

        return all;
    }
}
