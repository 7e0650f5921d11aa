using Agents.Persistence.Actors;
using Xunit;

namespace Agents.TestKit.Persistence;

// Snapshots and deletion of events.
public abstract partial class PersistentActorSpec
{
    /// <summary>SaveSnapshot answers with SaveSnapshotSuccess naming the entity and the last event the snapshot covers.</summary>
    [Fact]
    public void SaveSnapshot_reports_success_with_its_metadata()
    {
        var id = PersistenceIdOf("snapshot");
        var reporter = CreateTestProbe();
        var entity = StartEntity(id, reporter);
        entity.Tell(new AddThenAll("a", "b", ["c"]), TestActor);
        ReceiveN(3);

        entity.Tell(TakeSnapshot.Instance, TestActor);

        var success = reporter.ExpectMsg<SaveSnapshotSuccess>();
        Assert.Equal(id, success.Metadata.PersistenceId);
        Assert.Equal(3, success.Metadata.SequenceNr);
        Assert.Equal(3, StateOf(entity).SnapshotSequenceNr);
    }

    /// <summary>A snapshot that cannot be stored answers with SaveSnapshotFailure and the actor keeps running.</summary>
    [Fact]
    public void SaveSnapshot_reports_failure_and_the_actor_continues()
    {
        var reporter = CreateTestProbe();
        var entity = StartEntity(PersistenceIdOf("bad-snapshot"), reporter);

        entity.Tell(TakeUnserializableSnapshot.Instance, TestActor);

        reporter.ExpectMsg<SaveSnapshotFailure>();
        entity.Tell(new Add("a"), TestActor);
        Assert.Equal(new Persisted("a", 1), ExpectMsg<Persisted>());
    }

    /// <summary>After deleting its events an entity recovers empty but keeps numbering after the highest stored event.</summary>
    [Fact]
    public void DeleteMessages_keeps_the_numbering()
    {
        var id = PersistenceIdOf("delete");
        var reporter = CreateTestProbe();
        var first = StartEntity(id, reporter);
        first.Tell(new AddThenAll("a", "b", ["c"]), TestActor);
        ReceiveN(3);

        first.Tell(new DeleteUpTo(3), TestActor);
        Assert.Equal(new DeleteMessagesSuccess(3), reporter.ExpectMsg<DeleteMessagesSuccess>());
        Stop(first);

        var second = StartEntity(id);
        var state = StateOf(second);
        Assert.Empty(state.Values);
        Assert.Equal(3, state.LastSequenceNr);
        second.Tell(new Add("d"), TestActor);
        Assert.Equal(new Persisted("d", 4), ExpectMsg<Persisted>());
    }

    /// <summary>Deleting beyond the last event is refused with DeleteMessagesFailure; nothing is deleted.</summary>
    [Fact]
    public async Task DeleteMessages_beyond_the_last_event_fails()
    {
        var id = PersistenceIdOf("delete-beyond");
        var reporter = CreateTestProbe();
        var entity = StartEntity(id, reporter);
        entity.Tell(new Add("a"), TestActor);
        ExpectMsg<Persisted>();

        entity.Tell(new DeleteUpTo(5), TestActor);

        var failure = reporter.ExpectMsg<DeleteMessagesFailure>();
        Assert.Equal(5, failure.ToSequenceNr);
        Assert.Equal([(1L, "a")], await StoredAsync(id));
    }

    /// <summary>DeleteSnapshot removes one snapshot: recovery then falls back to the one before it.</summary>
    [Fact]
    public void DeleteSnapshot_removes_that_snapshot()
    {
        var id = PersistenceIdOf("delete-snapshot");
        var reporter = CreateTestProbe();
        var first = StartEntity(id, reporter);
        first.Tell(new Add("a"), TestActor);
        ExpectMsg<Persisted>();
        first.Tell(TakeSnapshot.Instance, TestActor);
        reporter.ExpectMsg<SaveSnapshotSuccess>();
        first.Tell(new Add("b"), TestActor);
        ExpectMsg<Persisted>();
        first.Tell(TakeSnapshot.Instance, TestActor);
        reporter.ExpectMsg<SaveSnapshotSuccess>();

        first.Tell(new DeleteSnapshotAt(2), TestActor);
        Assert.Equal(2, reporter.ExpectMsg<DeleteSnapshotSuccess>().Metadata.SequenceNr);
        Stop(first);

        var state = StateOf(StartEntity(id));
        Assert.Equal(["snapshot@1", "event@2"], state.RecoveryLog);
        Assert.Equal(["a", "b"], state.Values);
    }

    /// <summary>DeleteSnapshots removes the snapshots matching its criteria: recovery then replays every event.</summary>
    [Fact]
    public void DeleteSnapshots_removes_the_matching_snapshots()
    {
        var id = PersistenceIdOf("delete-snapshots");
        var reporter = CreateTestProbe();
        var first = StartEntity(id, reporter);
        first.Tell(new AddThenAll("a", "b", []), TestActor);
        ReceiveN(2);
        first.Tell(TakeSnapshot.Instance, TestActor);
        reporter.ExpectMsg<SaveSnapshotSuccess>();

        first.Tell(new DeleteSnapshotsUpTo(2), TestActor);
        Assert.Equal(2, reporter.ExpectMsg<DeleteSnapshotsSuccess>().Criteria.MaxSequenceNr);
        Stop(first);

        var state = StateOf(StartEntity(id));
        Assert.Equal(["event@1", "event@2"], state.RecoveryLog);
        Assert.Equal(["a", "b"], state.Values);
    }
}
