using Agents.Persistence.PostgreSql.Journal;
using Agents.Persistence.Query;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Agents.Persistence.PostgreSql.Query;

/// <summary>
/// One LISTEN connection per store that fans the journal's change hints out to this process's live queries.
/// When the connection drops it reconnects with a backoff (50 ms, doubling up to the poll interval) and then wakes
/// every query, since hints may have been missed meanwhile; until then the queries' own polling keeps them going.
/// </summary>
internal sealed partial class NotificationListener : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly JournalSql _sql;
    private readonly ChangeNotifier _changes;
    private readonly TimeSpan _retryDelay;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _loop;
    private readonly Lock _disposing = new();
    private Task? _disposal;

    public NotificationListener(
        NpgsqlDataSource dataSource, JournalSql sql, ChangeNotifier changes, TimeSpan retryDelay, TimeProvider time, ILogger logger)
    {
        _dataSource = dataSource;
        _sql = sql;
        _changes = changes;
        _retryDelay = retryDelay;
        _time = time;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Completes once the first LISTEN is in place.</summary>
    public Task Listening => _listening.Task;

    /// <summary>Stops listening. Later calls wait for the same stop.</summary>
    public ValueTask DisposeAsync()
    {
        lock (_disposing)
        {
            _disposal ??= DisposeCoreAsync();
        }

        return new ValueTask(_disposal);
    }

    private async Task DisposeCoreAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task RunAsync()
    {
        var token = _stopping.Token;
        var outage = new Outage();
        while (!token.IsCancellationRequested)
        {
            var delay = TimeSpan.Zero;
            try
            {
                await using var connection = await _dataSource.OpenConnectionAsync(token).ConfigureAwait(false);
                connection.Notification += (_, e) => JournalNotifier.Deliver(e.Payload, _changes);
                await using (var listen = new NpgsqlCommand($"LISTEN \"{_sql.NotificationChannel}\"", connection))
                {
                    await listen.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                }

                _listening.TrySetResult();
                outage.End();
                _changes.NotifyAll();
                while (true)
                {
                    await connection.WaitAsync(token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (StorageFailure.IsStorageFailure(e))
            {
                _dataSource.Clear();
                delay = outage.NextDelay(_retryDelay);
                LogListenFailed(_logger, delay, e.Message);
            }

            try
            {
                await Task.Delay(delay, _time, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for journal changes failed ({Reason}); live queries poll until the listener reconnects in {RetryDelay}")]
    private static partial void LogListenFailed(ILogger logger, TimeSpan retryDelay, string reason);
}
