using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Agents.Persistence.PostgreSql;

/// <summary>
/// The queue and loop of a group-committing writer (<see cref="Journal.JournalWriter"/>, <see cref="Topics.TopicWriter"/>):
/// requests queue up while one batch is written; then the loop takes what has queued, up to the maximum batch of events
/// (a larger request alone), optionally after waiting a window for more, and the writer writes it as one batch. One
/// batch is in flight at a time, which keeps each caller's writes in call order. Disposing stops accepting requests,
/// writes what is queued, and returns once the loop ended and the writer let go of what it holds.
/// </summary>
/// <typeparam name="TRequest">One caller's request.</typeparam>
internal abstract class GroupCommitWriter<TRequest> : IAsyncDisposable
    where TRequest : class, IGroupCommitRequest
{
    private static readonly Action<ILogger, string, Exception?> s_unexpected = LoggerMessage.Define<string>(
        LogLevel.Error, new EventId(1, "UnexpectedWriterError"), "The {Writer} hit an unexpected error");

    private readonly Channel<TRequest> _queue;
    private readonly int _maxBatchSize;
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _disposing = new();
    private Task? _loop;
    private Task? _disposal;

    /// <param name="maxBatchSize">The most events one batch gathers.</param>
    /// <param name="window">How long a batch that is not full waits for more requests; zero: not at all.</param>
    /// <param name="startOnCallerThread">
    /// Whether an idle loop starts the next batch on the thread of the request that woke it, saving a thread-pool hop
    /// (the callers' own continuations never run on the loop: their tasks complete asynchronously).
    /// </param>
    /// <param name="time">The clock of the window.</param>
    /// <param name="logger">Where an unexpected error of the loop is logged.</param>
    protected GroupCommitWriter(int maxBatchSize, TimeSpan window, bool startOnCallerThread, TimeProvider time, ILogger logger)
    {
        _queue = Channel.CreateUnbounded<TRequest>(
            new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = startOnCallerThread });
        _maxBatchSize = maxBatchSize;
        _window = window;
        _time = time;
        _logger = logger;
    }

    /// <summary>Stops accepting requests, writes what is queued, then returns. Later calls wait for the same stop.</summary>
    public ValueTask DisposeAsync()
    {
        lock (_disposing)
        {
            _disposal ??= DisposeCoreAsync();
        }

        return new ValueTask(_disposal);
    }

    /// <summary>Starts the loop; a derived constructor calls it last, once its own fields are set.</summary>
    protected void StartWriting() => _loop = Task.Run(RunAsync);

    /// <summary>Queues <paramref name="request"/>; false once the writer is disposed.</summary>
    protected bool TryEnqueue(TRequest request) => _queue.Writer.TryWrite(request);

    /// <summary>
    /// Writes one batch of <paramref name="events"/> events and completes every request of it, successfully or not. The
    /// list is reused for the next batch once this returns.
    /// </summary>
    protected abstract Task WriteBatchAsync(List<TRequest> batch, int events);

    /// <summary>Lets go of what the writer holds (its connection, its notifier), after the last batch.</summary>
    protected abstract Task OnStoppedAsync();

    private async Task DisposeCoreAsync()
    {
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        await OnStoppedAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<TRequest>();
        TRequest? carried = null;
        while (carried is not null || await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            var events = 0;
            if (carried is not null)
            {
                batch.Add(carried);
                events = carried.EventCount;
                carried = null;
            }

            events = Gather(reader, batch, events, ref carried);
            if (_window > TimeSpan.Zero && carried is null && events < _maxBatchSize)
            {
                // Cut short when the writer is disposed.
                await Task.Delay(_window, _time, _stopping.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                events = Gather(reader, batch, events, ref carried);
            }

            try
            {
                await WriteBatchAsync(batch, events).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                // WriteBatchAsync completes every request itself; this only guards the loop against a bug there.
                s_unexpected(_logger, GetType().Name, e);
                foreach (var request in batch)
                {
                    request.Fail(e);
                }
            }
        }
    }

    private int Gather(ChannelReader<TRequest> reader, List<TRequest> batch, int events, ref TRequest? carried)
    {
        while (events < _maxBatchSize && reader.TryRead(out var request))
        {
            if (batch.Count > 0 && events + request.EventCount > _maxBatchSize)
            {
                carried = request;
                break;
            }

            batch.Add(request);
            events += request.EventCount;
        }

        return events;
    }
}
