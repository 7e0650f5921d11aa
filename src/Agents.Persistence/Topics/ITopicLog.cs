namespace Agents.Persistence.Topics;

/// <summary>
/// The durable log of topic events: publishers append, readers read in one global order that every reader sees the
/// same, from any offset, "current" (up to what is committed) or live (following new events).
/// </summary>
/// <remarks>
/// <para>
/// Ordering. Events are delivered in <see cref="TopicOffset"/> order, and no event ever appears before an offset a
/// reader has passed: a reader that stores the offset of the last event it handled and resumes after it misses
/// nothing, even when appends from many processes commit out of order. An <see cref="AppendAsync"/> call is
/// atomic (all its events or none) and its events are consecutive in the log.
/// </para>
/// <para>
/// Failures. A read that meets a payload it cannot read back ends with a <see cref="TopicPayloadException"/> naming
/// its offset and manifest, after delivering every event before it; events are never skipped silently. Live reads
/// outlive storage outages (they retry); current reads and appends fail with
/// <see cref="Journal.JournalStorageException"/>.
/// </para>
/// </remarks>
public interface ITopicLog
{
    /// <summary>Appends <paramref name="records"/> and returns their offsets, in order, once they are durable.</summary>
    /// <param name="records">The events to publish, stored together or not at all.</param>
    /// <param name="cancellationToken">Cancels an append that was not handed to the storage yet; once handed over it completes.</param>
    /// <exception cref="ArgumentException">A record has an empty topic or publisher; nothing was stored.</exception>
    /// <exception cref="Serialization.EventSerializationException">A payload cannot be stored; nothing was stored.</exception>
    /// <exception cref="Journal.JournalStorageException">The storage failed; whether the events were stored is unknown.</exception>
    Task<IReadOnlyList<TopicOffset>> AppendAsync(IReadOnlyList<TopicRecord> records, CancellationToken cancellationToken = default);

    /// <summary>
    /// The events after <paramref name="after"/> that pass <paramref name="filter"/>, up to the newest one committed
    /// when the call started; then the stream ends.
    /// </summary>
    /// <param name="after">Read the events after this offset; <see cref="TopicOffset.Start"/> reads from the beginning.</param>
    /// <param name="filter">Which topics to read; null reads all.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    IAsyncEnumerable<TopicEnvelope> ReadAsync(TopicOffset after, TopicFilter? filter = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Like <see cref="ReadAsync"/>, then follows new events as they are committed until
    /// <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    IAsyncEnumerable<TopicEnvelope> SubscribeAsync(TopicOffset after, TopicFilter? filter = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// The offset of the newest event that readers can see now: every event appended after this call returns comes
    /// after it, so a live read that starts after it sees only what is published from now on (a topic service's
    /// live tail starts there).
    /// </summary>
    /// <remarks>
    /// Events of appends still in flight when the call runs may come after the returned offset as well. This default
    /// reads the whole log; stores answer with one lookup.
    /// </remarks>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The offset, or <see cref="TopicOffset.Start"/> when the log is empty.</returns>
    /// <exception cref="Journal.JournalStorageException">The storage failed.</exception>
    async Task<TopicOffset> ReadEndAsync(CancellationToken cancellationToken = default)
    {
        var end = TopicOffset.Start;
        await foreach (var e in ReadAsync(TopicOffset.Start, null, cancellationToken).ConfigureAwait(false))
        {
            end = e.Offset;
        }

        return end;
    }
}
