using System.Data;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Agents.Persistence.PostgreSql.Journal;

/// <summary>
/// Sends the NOTIFY that tells other processes a batch committed, on a connection of its own so that it never
/// delays the next batch: inside the insert transaction it would serialize commits on PostgreSQL's notification
/// lock and halve insert throughput, and in the writer's round-trip it costs every write the time of a second
/// transaction (measured: 10–15 % of single-writer throughput). Keys of batches that commit while one NOTIFY is
/// in flight, or within the minimum interval after it, are merged into the next, so there is at most one NOTIFY per
/// batch and per interval.
/// The NOTIFY's transaction does not wait for a WAL flush: it carries no data, and polling covers a lost one.
/// </summary>
/// <remarks>
/// PostgreSQL gives a transaction that notifies a transaction id, so while a NOTIFY is in flight it holds back the
/// horizon below which tag queries read, and rows of a batch that committed meanwhile wait behind it. This process's
/// own listener receives the NOTIFY when it commits, which wakes its live queries once more to read those rows then.
/// </remarks>
internal sealed partial class NotificationSender : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly JournalSql _sql;
    private readonly ILogger _logger;
    private readonly TimeSpan _minInterval;
    private readonly TimeProvider _time;
    private readonly Channel<HashSet<string>> _pending =
        Channel.CreateUnbounded<HashSet<string>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private NpgsqlConnection? _connection;
    private NpgsqlCommand? _notify;

    public NotificationSender(NpgsqlDataSource dataSource, JournalSql sql, TimeSpan minInterval, TimeProvider time, ILogger logger)
    {
        _dataSource = dataSource;
        _sql = sql;
        _logger = logger;
        _minInterval = minInterval;
        _time = time;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Queues the keys of a committed batch.</summary>
    public void Send(HashSet<string> keys)
    {
        if (keys.Count > 0)
        {
            _pending.Writer.TryWrite(keys);
        }
    }

    /// <summary>Sends what is queued, then closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task RunAsync()
    {
        var reader = _pending.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            var keys = new HashSet<string>(StringComparer.Ordinal);
            while (reader.TryRead(out var more))
            {
                keys.UnionWith(more);
            }

            // A hint may be sent twice, never lost for a connection that went stale while idle (e.g. across a
            // server restart): the first failure is retried once on a new connection.
            for (var attempt = 1; attempt <= 2; attempt++)
            {
                try
                {
                    var notify = await PreparedAsync().ConfigureAwait(false);
                    notify.Parameters[1].Value = JournalNotifier.Payload(keys);
                    await notify.ExecuteNonQueryAsync().ConfigureAwait(false);
                    break;
                }
                catch (Exception e) when (StorageFailure.IsStorageFailure(e))
                {
                    await DropConnectionAsync().ConfigureAwait(false);
                    if (attempt == 2)
                    {
                        LogFailed(_logger, e.Message);
                    }
                }
            }

            if (_minInterval > TimeSpan.Zero)
            {
                // Commits during the pause are announced together by the next NOTIFY.
                await Task.Delay(_minInterval, _time, _stopping.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        await DropConnectionAsync().ConfigureAwait(false);
    }

    private async Task<NpgsqlCommand> PreparedAsync()
    {
        if (_notify is not null && _connection is { State: ConnectionState.Open })
        {
            return _notify;
        }

        await DropConnectionAsync().ConfigureAwait(false);
        _connection = await _dataSource.OpenConnectionAsync().ConfigureAwait(false);
        _notify = new NpgsqlCommand(_sql.Notify, _connection)
        {
            Parameters =
            {
                new NpgsqlParameter<string> { TypedValue = _sql.NotificationChannel },
                new NpgsqlParameter<string>(),
            },
        };
        await _notify.PrepareAsync().ConfigureAwait(false);
        return _notify;
    }

    private async Task DropConnectionAsync()
    {
        if (_notify is not null)
        {
            await _notify.DisposeAsync().ConfigureAwait(false);
            _notify = null;
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
            _connection = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The journal change notification failed ({Reason}); live queries elsewhere will see the writes at their next poll")]
    private static partial void LogFailed(ILogger logger, string reason);
}
