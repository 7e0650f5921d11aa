using System.Runtime.CompilerServices;
using Agents.Persistence.Query;
using Agents.Persistence.Serialization;
using Agents.Persistence.Topics;

namespace Agents.Persistence.InMemory;

/// <summary>
/// A topic log and subscription store kept in process memory, for tests and single-process tools. It behaves like
/// the PostgreSQL log in everything the contracts say: payloads are serialized on append (so rejections and
/// unreadable payloads fail the same way), offsets order the log, and live reads see later appends at once.
/// Each append is one batch: its events share <see cref="TopicOffset.Batch"/>.
/// </summary>
public sealed class InMemoryTopicLog : ITopicLog, ITopicSubscriptionStore
{
    private const string ChangeKey = "topics";
    private const int PageSize = 1000;

    private readonly TopicCodec _codec;
    private readonly TimeProvider _time;
    private readonly ChangeNotifier _notifier = new();
    private readonly Lock _gate = new();
    private readonly List<(TopicOffset Offset, StoredTopicEvent Stored)> _events = [];
    private readonly Dictionary<string, TopicOffset> _offsets = new(StringComparer.Ordinal);
    private ulong _batches;

    /// <summary>Creates an empty log.</summary>
    /// <param name="serializer">Serializes payloads on append and reads them back.</param>
    /// <param name="timeProvider">Stamps appended events; defaults to the system clock.</param>
    public InMemoryTopicLog(IEventSerializer serializer, TimeProvider? timeProvider = null)
    {
        _codec = new TopicCodec(serializer);
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TopicOffset>> AppendAsync(IReadOnlyList<TopicRecord> records, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<IReadOnlyList<TopicOffset>>(cancellationToken);
        }

        StoredTopicEvent[] stored;
        try
        {
            stored = _codec.Encode(records, _time.GetUtcNow());
        }
        catch (Exception e) when (e is EventSerializationException or ArgumentException)
        {
            return Task.FromException<IReadOnlyList<TopicOffset>>(e);
        }

        var offsets = new TopicOffset[stored.Length];
        if (stored.Length == 0)
        {
            return Task.FromResult<IReadOnlyList<TopicOffset>>(offsets);
        }

        lock (_gate)
        {
            var batch = ++_batches;
            for (var i = 0; i < stored.Length; i++)
            {
                offsets[i] = new TopicOffset(batch, _events.Count + 1);
                _events.Add((offsets[i], stored[i]));
            }
        }

        _notifier.Notify(ChangeKey);
        return Task.FromResult<IReadOnlyList<TopicOffset>>(offsets);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<TopicEnvelope> ReadAsync(
        TopicOffset after, TopicFilter? filter = null, CancellationToken cancellationToken = default) =>
        ReadAsync(after, filter ?? TopicFilter.All, live: false, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<TopicEnvelope> SubscribeAsync(
        TopicOffset after, TopicFilter? filter = null, CancellationToken cancellationToken = default) =>
        ReadAsync(after, filter ?? TopicFilter.All, live: true, cancellationToken);

    /// <inheritdoc />
    public Task<TopicOffset> ReadEndAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_events.Count == 0 ? TopicOffset.Start : _events[^1].Offset);
        }
    }

    /// <inheritdoc />
    public Task<TopicOffset?> LoadOffsetAsync(string subscriptionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subscriptionId);
        lock (_gate)
        {
            return Task.FromResult(_offsets.TryGetValue(subscriptionId, out var offset) ? offset : (TopicOffset?)null);
        }
    }

    /// <inheritdoc />
    public Task<bool> StoreOffsetAsync(string subscriptionId, TopicOffset offset, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subscriptionId);
        lock (_gate)
        {
            if (_offsets.TryGetValue(subscriptionId, out var stored) && stored >= offset)
            {
                return Task.FromResult(false);
            }

            _offsets[subscriptionId] = offset;
            return Task.FromResult(true);
        }
    }

    private async IAsyncEnumerable<TopicEnvelope> ReadAsync(
        TopicOffset after, TopicFilter filter, bool live, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var subscription = live ? _notifier.Subscribe(ChangeKey) : null;
        int next, end;
        lock (_gate)
        {
            // Offsets grow with the list's index, so the first event after `after` is found by binary search.
            next = FirstAfter(after);
            end = live ? int.MaxValue : _events.Count;
        }

        while (true)
        {
            var page = new List<(TopicOffset Offset, StoredTopicEvent Stored)>();
            lock (_gate)
            {
                var last = Math.Min(Math.Min(end, _events.Count), next + PageSize);
                for (; next < last; next++)
                {
                    page.Add(_events[next]);
                }
            }

            foreach (var (offset, stored) in page)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (filter.Accepts(stored.Topic))
                {
                    yield return _codec.Decode(offset, stored);
                }
            }

            if (page.Count == PageSize)
            {
                continue;
            }

            if (subscription is null)
            {
                yield break;
            }

            await subscription.WaitAsync(Timeout.InfiniteTimeSpan, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private int FirstAfter(TopicOffset after)
    {
        var (low, high) = (0, _events.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_events[middle].Offset <= after)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
