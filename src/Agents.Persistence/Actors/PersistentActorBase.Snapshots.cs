using Agents.Actors;
using Agents.Persistence.Snapshots;

namespace Agents.Persistence.Actors;

public abstract partial class PersistentActorBase
{
    /// <summary>
    /// Saves <paramref name="snapshot"/> as the state after event <see cref="LastSequenceNr"/>; the actor then receives
    /// <see cref="SaveSnapshotSuccess"/> or <see cref="SaveSnapshotFailure"/> as a command. Recovery starts from the
    /// latest snapshot and replays only the events after it.
    /// </summary>
    protected void SaveSnapshot(object snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var metadata = new SnapshotMetadata(PersistenceIdOrThrow(), LastSequenceNr, StoredNow());
        Report(
            SnapshotStore.SaveAsync(metadata, snapshot, LifetimeToken),
            () => new SaveSnapshotSuccess(metadata),
            e => new SaveSnapshotFailure(metadata, e));
    }

    /// <summary>Deletes the snapshot taken at <paramref name="sequenceNr"/>; answered with <see cref="DeleteSnapshotSuccess"/> or <see cref="DeleteSnapshotFailure"/>.</summary>
    protected void DeleteSnapshot(long sequenceNr)
    {
        var metadata = new SnapshotMetadata(PersistenceIdOrThrow(), sequenceNr);
        Report(
            SnapshotStore.DeleteAsync(metadata, LifetimeToken),
            () => new DeleteSnapshotSuccess(metadata),
            e => new DeleteSnapshotFailure(metadata, e));
    }

    /// <summary>Deletes the snapshots matching <paramref name="criteria"/>; answered with <see cref="DeleteSnapshotsSuccess"/> or <see cref="DeleteSnapshotsFailure"/>.</summary>
    protected void DeleteSnapshots(SnapshotSelectionCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        Report(
            SnapshotStore.DeleteAsync(PersistenceIdOrThrow(), criteria, LifetimeToken),
            () => new DeleteSnapshotsSuccess(criteria),
            e => new DeleteSnapshotsFailure(criteria, e));
    }

    /// <summary>
    /// Deletes this entity's events up to and including <paramref name="toSequenceNr"/> (<see cref="long.MaxValue"/>:
    /// all stored so far), typically those a saved snapshot covers; answered with <see cref="DeleteMessagesSuccess"/>
    /// or <see cref="DeleteMessagesFailure"/>. Numbering continues after the highest event ever stored.
    /// </summary>
    protected void DeleteMessages(long toSequenceNr)
    {
        if (toSequenceNr != long.MaxValue && toSequenceNr > LastSequenceNr)
        {
            var error = new ArgumentOutOfRangeException(
                nameof(toSequenceNr), toSequenceNr,
                $"DeleteMessages({toSequenceNr}) of '{PersistenceIdOrThrow()}' goes beyond its last event {LastSequenceNr}; " +
                "delete up to LastSequenceNr at most, or pass long.MaxValue for everything stored.");
            Self.Tell(new DeleteMessagesFailure(error, toSequenceNr), Self);
            return;
        }

        Report(
            Journal.DeleteMessagesToAsync(PersistenceIdOrThrow(), toSequenceNr, LifetimeToken),
            () => new DeleteMessagesSuccess(toSequenceNr),
            e => new DeleteMessagesFailure(e, toSequenceNr));
    }

    private CancellationToken LifetimeToken => _lifetime?.Token ?? CancellationToken.None;

    // The stores keep UTC with whole microseconds; stamping the same way makes the reported metadata equal the stored.
    private DateTimeOffset StoredNow()
    {
        var ticks = Context.System.TimeProvider.GetUtcNow().UtcTicks;
        return new DateTimeOffset(ticks - (ticks % 10), TimeSpan.Zero);
    }

    /// <summary>Tells this actor the outcome of a store operation, as a command.</summary>
    private void Report(Task operation, Func<object> success, Func<Exception, object> failure)
    {
        var self = Self;
        operation.ContinueWith(
            t => self.Tell(
                t.IsCompletedSuccessfully
                    ? success()
                    : failure(t.Exception?.InnerException ?? new OperationCanceledException("The store operation was cancelled.")),
                self),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }
}
