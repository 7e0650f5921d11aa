using Agents.Persistence.Topics;
using Microsoft.Extensions.Logging;

namespace Agents.Platform.Topics;

/// <summary>
/// The one live reader of a topic service: finds the end of the log when the service starts, then follows it and
/// hands every event to the <see cref="LiveDispatcher"/>. Read failures are logged and retried after a backoff that
/// doubles up to the configured maximum; an event it cannot read back is logged and skipped (live subscribers can do
/// nothing with it; durable ones stop at it and retry).
/// </summary>
internal sealed class TopicTail : IAsyncDisposable
{
    private readonly ITopicLog _log;
    private readonly LiveDispatcher _dispatcher;
    private readonly TopicServiceOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _run;

    public TopicTail(ITopicLog log, LiveDispatcher dispatcher, TopicServiceOptions options, TimeProvider time, ILogger logger)
    {
        _log = log;
        _dispatcher = dispatcher;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>Completes once the tail knows where the log ends; events appended after that reach live subscribers.</summary>
    public Task Started => _started.Task;

    public void Start() => _run = Task.Run(() => RunAsync(_stop.Token));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _started.TrySetCanceled(_stop.Token);
        if (_run is not null)
        {
            await _run.ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            var position = await FindEndAsync(cancellationToken).ConfigureAwait(false);
            _started.TrySetResult();
            await FollowAsync(position, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task<TopicOffset> FindEndAsync(CancellationToken cancellationToken)
    {
        var backoff = _options.ReadRetryMinBackoff;
        while (true)
        {
            try
            {
                return await _log.ReadEndAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                TopicServiceLog.TailStartFailed(_logger, backoff, e);
                await Task.Delay(backoff, _time, cancellationToken).ConfigureAwait(false);
                backoff = Next(backoff);
            }
        }
    }

    private async Task FollowAsync(TopicOffset position, CancellationToken cancellationToken)
    {
        var backoff = _options.ReadRetryMinBackoff;
        while (true)
        {
            try
            {
                await foreach (var envelope in _log.SubscribeAsync(position, null, cancellationToken).ConfigureAwait(false))
                {
                    _dispatcher.Dispatch(envelope);
                    position = envelope.Offset;
                    backoff = _options.ReadRetryMinBackoff;
                }

                // A live read ends only when cancelled; a store that ends it otherwise is read again after a pause.
                cancellationToken.ThrowIfCancellationRequested();
                throw new InvalidOperationException("The live read of the topic log ended.");
            }
            catch (TopicPayloadException e)
            {
                TopicServiceLog.TailSkipped(_logger, e.Offset, e.Topic, e.Manifest, e);
                position = e.Offset;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                TopicServiceLog.TailReadFailed(_logger, position, backoff, e);
                await Task.Delay(backoff, _time, cancellationToken).ConfigureAwait(false);
                backoff = Next(backoff);
            }
        }
    }

    private TimeSpan Next(TimeSpan backoff) =>
        backoff * 2 < _options.ReadRetryMaxBackoff ? backoff * 2 : _options.ReadRetryMaxBackoff;
}
