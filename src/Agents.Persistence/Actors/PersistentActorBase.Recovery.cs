using Agents.Persistence.Serialization;

namespace Agents.Persistence.Actors;

public abstract partial class PersistentActorBase
{
    private string PersistenceIdOrThrow()
    {
        if (_persistenceId is not null)
        {
            return _persistenceId;
        }

        var id = PersistenceId;
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new InvalidOperationException(
                $"{GetType().Name} returned an empty PersistenceId. Return a stable, non-empty id that names the entity " +
                "(e.g. \"order-42\"), the same in every incarnation.");
        }

        return _persistenceId = id;
    }

    /// <summary>Starts recovery as the actor's first turn: user messages wait in the mailbox until it is done.</summary>
    private void BeginRecovery()
    {
        PersistenceIdOrThrow();
        _stopped = false;
        _recovering = true;
        _recoveryFinished = false;
        _context = Cell.IncarnationContext;
        _lifetime = new CancellationTokenSource();
        base.RunTask(RecoverAsync);
    }

    private async Task RecoverAsync()
    {
        var persistenceId = _persistenceId!;
        var recovery = Recovery;
        var timeout = _persistence.Options.RecoveryTimeout;
        var lifetime = _lifetime!.Token;
        using var watchdog = new CancellationTokenSource(timeout, Context.System.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(watchdog.Token, lifetime);
        var token = linked.Token;
        object? replaying = null;
        _inAsyncTurn = true;
        try
        {
            await Bounded(_persistence.WritesInFlight.WhenSettled(persistenceId), token);
            var criteria = recovery.FromSnapshot.MaxSequenceNr > recovery.ToSequenceNr
                ? recovery.FromSnapshot with { MaxSequenceNr = recovery.ToSequenceNr }
                : recovery.FromSnapshot;
            if (criteria.MaxSequenceNr > 0)
            {
                var selected = await Bounded(SnapshotStore.LoadAsync(persistenceId, criteria, token), token);
                if (selected is not null)
                {
                    LastSequenceNr = selected.Metadata.SequenceNr;
                    SnapshotSequenceNr = selected.Metadata.SequenceNr;
                    replaying = selected.Snapshot;
                    ReceiveRecover(new SnapshotOffer(selected.Metadata, selected.Snapshot));
                    replaying = null;
                }
            }

            watchdog.CancelAfter(timeout);
            var highest = await Bounded(Journal.ReadHighestSequenceNrAsync(persistenceId, LastSequenceNr, token), token);
            var to = Math.Min(recovery.ToSequenceNr, highest);
            if (recovery.ReplayMax > 0 && to > LastSequenceNr)
            {
                var events = Journal.ReplayMessagesAsync(persistenceId, LastSequenceNr + 1, to, recovery.ReplayMax, token)
                    .GetAsyncEnumerator(token);
                // Re-arming the watchdog costs a timer change (a lock; 5-10 % of replaying a page already read), so
                // it is re-armed before each real wait for the store and, while events come from a buffer, every
                // quarter of the timeout: no wait and no stretch of handlers goes unbounded.
                var clock = Context.System.TimeProvider;
                var rearmAfter = timeout == Timeout.InfiniteTimeSpan ? TimeSpan.MaxValue : timeout / 4;
                var armedAt = clock.GetTimestamp();
                await using (events.ConfigureAwait(true))
                {
                    while (true)
                    {
                        var next = events.MoveNextAsync();
                        if (!next.IsCompleted || clock.GetElapsedTime(armedAt) >= rearmAfter)
                        {
                            watchdog.CancelAfter(timeout);
                            armedAt = clock.GetTimestamp();
                        }

                        if (!await Bounded(next, token))
                        {
                            break;
                        }

                        var e = events.Current;
                        LastSequenceNr = e.SequenceNr;
                        replaying = e.Payload;
                        if (!ReceiveRecover(e.Payload))
                        {
                            Unhandled(e.Payload);
                        }

                        replaying = null;
                    }
                }
            }

            LastSequenceNr = Math.Max(LastSequenceNr, highest);
            _sequenceNr = LastSequenceNr;
            _recovering = false;
            _recoveryFinished = true;
            OnRecoverySucceeded();
            ReceiveRecover(RecoveryCompleted.Instance);
            FlushBatch();
            await WhenStashingHandlersRan();
        }
        catch (Exception e) when (!lifetime.IsCancellationRequested && _recovering)
        {
            var failure = Describe(e, persistenceId, replaying is not null, watchdog.IsCancellationRequested, timeout);
            try
            {
                OnRecoveryFailure(failure, replaying);
            }
            finally
            {
                StopAfterFailure();
            }
        }
        finally
        {
            _inAsyncTurn = false;
        }
    }

    private RecoveryFailedException Describe(Exception e, string persistenceId, bool inHandler, bool timedOut, TimeSpan timeout)
    {
        var next = LastSequenceNr + 1;
        return e switch
        {
            OperationCanceledException when timedOut => new RecoveryFailedException(
                persistenceId, next,
                $"the store did not deliver event {next} (or the snapshot or highest sequence number before it) within " +
                $"{timeout} (agents.persistence.recovery-timeout).", e),
            EventDeserializationException unreadable => new RecoveryFailedException(
                persistenceId, unreadable.SequenceNr, unreadable.Message, e),
            _ when inHandler => new RecoveryFailedException(
                persistenceId, LastSequenceNr, $"the recovery handler threw {e.GetType().Name}: {e.Message}", e),
            _ => new RecoveryFailedException(persistenceId, next, $"{e.GetType().Name}: {e.Message}", e),
        };
    }

    // The store gets the token too; waiting on it here as well bounds a store that ignores it.
    private static Task<T> Bounded<T>(Task<T> task, CancellationToken token) =>
        task.IsCompleted ? task : task.WaitAsync(token);

    private static Task Bounded(Task task, CancellationToken token) =>
        task.IsCompleted ? task : task.WaitAsync(token);

    private static ValueTask<bool> Bounded(ValueTask<bool> next, CancellationToken token) =>
        next.IsCompleted ? next : new ValueTask<bool>(next.AsTask().WaitAsync(token));
}
