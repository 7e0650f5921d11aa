using Agents.Persistence;
using Agents.Persistence.Journal;

namespace Agents.TestKit.Persistence;

/// <summary>
/// A journal around a real one that a test can hold back or make fail, to show what a persistent actor does while
/// its store is slow, down or refusing: writes or replays wait at a gate, or fail with
/// <see cref="JournalStorageException"/>. Everything else goes to the real journal.
/// </summary>
public sealed class ControllableJournal(IJournal inner) : IJournal
{
    private readonly Lock _gate = new();
    private TaskCompletionSource? _writeGate;
    private TaskCompletionSource? _replayGate;
    private TaskCompletionSource _readHeld = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _failingWrites;
    private int _failingReplays;
    private int _writeCalls;

    /// <summary>The journal the calls go to.</summary>
    public IJournal Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <summary>How many times <see cref="WriteMessagesAsync"/> was called.</summary>
    public int WriteCalls => Volatile.Read(ref _writeCalls);

    /// <summary>Makes later writes wait (not yet handed to the real journal) until <see cref="ReleaseWrites"/>.</summary>
    public void HoldWrites()
    {
        lock (_gate)
        {
            _writeGate ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Lets the held writes (and later ones) through, in the order they were made.</summary>
    public void ReleaseWrites()
    {
        TaskCompletionSource? gate;
        lock (_gate)
        {
            gate = _writeGate;
            _writeGate = null;
        }

        gate?.TrySetResult();
    }

    /// <summary>
    /// Makes later recoveries wait: <see cref="ReadHighestSequenceNrAsync"/>, which every recovery calls before it
    /// replays, waits until <see cref="ReleaseReplays"/> (or until cancelled).
    /// </summary>
    public void HoldReplays()
    {
        lock (_gate)
        {
            if (_replayGate is null)
            {
                _replayGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _readHeld = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    /// <summary>Completes once a recovery waits at the gate of the latest <see cref="HoldReplays"/> (or already did).</summary>
    public Task WhenReplayHeldAsync()
    {
        lock (_gate)
        {
            return _readHeld.Task;
        }
    }

    /// <summary>Lets the held replays (and later ones) through.</summary>
    public void ReleaseReplays()
    {
        TaskCompletionSource? gate;
        lock (_gate)
        {
            gate = _replayGate;
            _replayGate = null;
        }

        gate?.TrySetResult();
    }

    /// <summary>Makes the next <paramref name="count"/> write calls fail with <see cref="JournalStorageException"/>, storing nothing.</summary>
    public void FailWrites(int count = int.MaxValue) => Volatile.Write(ref _failingWrites, count);

    /// <summary>
    /// Makes the next <paramref name="count"/> recoveries fail with <see cref="JournalStorageException"/> (at
    /// <see cref="ReadHighestSequenceNrAsync"/>, which every recovery calls).
    /// </summary>
    public void FailReplays(int count = int.MaxValue) => Volatile.Write(ref _failingReplays, count);

    /// <inheritdoc />
    public Task<IReadOnlyList<Exception?>> WriteMessagesAsync(
        IReadOnlyList<AtomicWrite> writes, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _writeCalls);
        Task? held;
        lock (_gate)
        {
            held = _writeGate?.Task;
        }

        // Untouched writes get the real journal's own task, so the actor under test completes them as in production.
        return held is null && Volatile.Read(ref _failingWrites) <= 0
            ? Inner.WriteMessagesAsync(writes, cancellationToken)
            : HeldOrFailingAsync(held, writes, cancellationToken);
    }

    private async Task<IReadOnlyList<Exception?>> HeldOrFailingAsync(
        Task? held, IReadOnlyList<AtomicWrite> writes, CancellationToken cancellationToken)
    {
        if (held is not null)
        {
            await held.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (TakeOne(ref _failingWrites))
        {
            throw new JournalStorageException("The test journal is told to fail writes (storage down).");
        }

        return await Inner.WriteMessagesAsync(writes, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<PersistentRepresentation> ReplayMessagesAsync(
        string persistenceId, long fromSequenceNr, long toSequenceNr, long max, CancellationToken cancellationToken = default) =>
        Inner.ReplayMessagesAsync(persistenceId, fromSequenceNr, toSequenceNr, max, cancellationToken);

    /// <inheritdoc />
    public async Task<long> ReadHighestSequenceNrAsync(
        string persistenceId, long fromSequenceNr = 0, CancellationToken cancellationToken = default)
    {
        Task? held;
        TaskCompletionSource? arrived = null;
        lock (_gate)
        {
            held = _replayGate?.Task;
            if (held is not null)
            {
                arrived = _readHeld;
            }
        }

        if (held is not null)
        {
            arrived!.TrySetResult();
            await held.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (TakeOne(ref _failingReplays))
        {
            throw new JournalStorageException("The test journal is told to fail replays (storage down).");
        }

        return await Inner.ReadHighestSequenceNrAsync(persistenceId, fromSequenceNr, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default) =>
        Inner.DeleteMessagesToAsync(persistenceId, toSequenceNr, cancellationToken);

    private static bool TakeOne(ref int remaining)
    {
        while (true)
        {
            var current = Volatile.Read(ref remaining);
            if (current <= 0)
            {
                return false;
            }

            var next = current == int.MaxValue ? current : current - 1;
            if (Interlocked.CompareExchange(ref remaining, next, current) == current)
            {
                return true;
            }
        }
    }
}
