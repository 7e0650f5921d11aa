using Agents.Actors;
using Agents.Persistence.Actors;
using Xunit;

namespace Agents.TestKit.Persistence;

// Recovery: replay, snapshots, commands during recovery, and failures (unreadable event, store down, timeout).
public abstract partial class PersistentActorSpec
{
    /// <summary>A new incarnation replays the stored events and continues the numbering.</summary>
    [Fact]
    public void Recovery_replays_the_stored_events()
    {
        var id = PersistenceIdOf("replay");
        var first = StartEntity(id);
        first.Tell(new AddThenAll("a", "b", ["c"]), TestActor);
        ReceiveN(3);
        Stop(first);

        var second = StartEntity(id);
        var state = StateOf(second);

        Assert.Equal(["a", "b", "c"], state.Values);
        Assert.Equal(["event@1", "event@2", "event@3"], state.RecoveryLog);
        Assert.Equal(3, state.LastSequenceNr);
        second.Tell(new Add("d"), TestActor);
        Assert.Equal(new Persisted("d", 4), ExpectMsg<Persisted>());
    }

    /// <summary>Events stored under a retired manifest are recovered through the serializer's upcaster as the current type.</summary>
    [Fact]
    public async Task Recovery_upcasts_events_stored_under_a_retired_manifest()
    {
        var id = PersistenceIdOf("upcast");
        await WriteDirectlyAsync(id, new SpecRetiredEvent("a"), new SpecEvent("b"));

        var state = StateOf(StartEntity(id));

        Assert.Equal(["a", "b"], state.Values);
        Assert.Equal(["event@1", "event@2"], state.RecoveryLog);
    }

    /// <summary>Recovery offers the latest snapshot, then replays only the events after it.</summary>
    [Fact]
    public void Recovery_starts_from_the_latest_snapshot()
    {
        var id = PersistenceIdOf("from-snapshot");
        var reporter = CreateTestProbe();
        var first = StartEntity(id, reporter);
        first.Tell(new AddThenAll("a", "b", []), TestActor);
        ReceiveN(2);
        first.Tell(TakeSnapshot.Instance, TestActor);
        reporter.ExpectMsg<SaveSnapshotSuccess>();
        first.Tell(new Add("c"), TestActor);
        ExpectMsg<Persisted>();
        Stop(first);

        var state = StateOf(StartEntity(id));

        Assert.Equal(["a", "b", "c"], state.Values);
        Assert.Equal(["snapshot@2", "event@3"], state.RecoveryLog);
        Assert.Equal(2, state.SnapshotSequenceNr);
        Assert.Equal(3, state.LastSequenceNr);
    }

    /// <summary>With Recovery.None the actor starts empty but numbers its next event after the stored ones.</summary>
    [Fact]
    public void Recovery_None_starts_empty_and_continues_the_numbering()
    {
        var id = PersistenceIdOf("no-recovery");
        var first = StartEntity(id);
        first.Tell(new AddThenAll("a", "b", []), TestActor);
        ReceiveN(2);
        Stop(first);

        var second = StartEntity(id, recovery: Recovery.None);

        Assert.Empty(StateOf(second).Values);
        second.Tell(new Add("c"), TestActor);
        Assert.Equal(new Persisted("c", 3), ExpectMsg<Persisted>());
    }

    /// <summary>The RecoveryCompleted handler may persist; commands wait until that event is handled.</summary>
    [Fact]
    public async Task The_RecoveryCompleted_handler_may_persist()
    {
        var id = PersistenceIdOf("persist-on-recovery");
        await WriteDirectlyAsync(id, new SpecEvent("a"));

        var entity = StartEntity(id, persistWhenRecovered: "started");

        var state = StateOf(entity);
        Assert.Equal(["a", "started"], state.Values);
        Assert.Equal(2, state.LastSequenceNr);
        Assert.Equal([(1L, "a"), (2L, "started")], await StoredAsync(id));
    }

    /// <summary>Commands sent while the actor recovers wait and are processed after RecoveryCompleted.</summary>
    [Fact]
    public async Task Commands_sent_during_recovery_wait_for_it()
    {
        var id = PersistenceIdOf("during-recovery");
        await WriteDirectlyAsync(id, new SpecEvent("a"));
        var reporter = CreateTestProbe();
        Journal.HoldReplays();

        var entity = StartEntity(id, reporter, reportRecovery: true);
        entity.Tell(GetState.Instance, TestActor);
        await Journal.WhenReplayHeldAsync().WaitAsync(TestKitSettings.ExpectTimeout);
        ExpectNoMsg();

        Journal.ReleaseReplays();
        Assert.Equal(new Recovered(1), reporter.ExpectMsg<Recovered>());
        Assert.Equal(["a"], ExpectMsg<EntityState>().Values);
    }

    /// <summary>An unreadable stored event fails recovery with an error naming the persistence id and sequence number; the actor stops.</summary>
    [Fact]
    public async Task Recovery_failure_names_the_persistence_id_and_sequence_number()
    {
        var id = PersistenceIdOf("unreadable");
        await WriteDirectlyAsync(id, new SpecEvent("a"), new SpecUnreadableEvent("corrupt"));
        var reporter = CreateTestProbe();

        var entity = StartEntity(id, reporter);
        Watch(entity);

        var failure = Assert.IsType<RecoveryFailedException>(reporter.ExpectMsg<RecoveryFailed>().Cause);
        Assert.Equal(id, failure.PersistenceId);
        Assert.Equal(2, failure.SequenceNr);
        Assert.Contains(id, failure.Message, StringComparison.Ordinal);
        Assert.Contains("sequence number 2", failure.Message, StringComparison.Ordinal);
        ExpectTerminated(entity);
    }

    /// <summary>A store that fails during recovery stops the actor with a recovery failure.</summary>
    [Fact]
    public void Store_failure_during_recovery_stops_the_actor()
    {
        var reporter = CreateTestProbe();
        Journal.FailReplays(1);

        var entity = StartEntity(PersistenceIdOf("store-down"), reporter);
        Watch(entity);

        var failure = Assert.IsType<RecoveryFailedException>(reporter.ExpectMsg<RecoveryFailed>().Cause);
        Assert.IsType<Agents.Persistence.Journal.JournalStorageException>(failure.InnerException);
        ExpectTerminated(entity);
    }

    /// <summary>A store that fails during recovery is reported as an unreadable journal to retry, not as bad data.</summary>
    [Fact]
    public void A_store_failure_during_recovery_says_the_journal_could_not_be_read()
    {
        var reporter = CreateTestProbe();
        Journal.FailReplays(1);

        StartEntity(PersistenceIdOf("store-down-message"), reporter);

        var failure = Assert.IsType<RecoveryFailedException>(reporter.ExpectMsg<RecoveryFailed>().Cause);
        Assert.Contains("the journal could not be read", failure.Message, StringComparison.Ordinal);
        Assert.Contains("supervisor (backoff) retries", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("upcast", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>An unreadable stored event is reported as a data problem: repair or upcast the event.</summary>
    [Fact]
    public async Task An_unreadable_event_during_recovery_advises_repairing_or_upcasting_it()
    {
        var id = PersistenceIdOf("unreadable-message");
        await WriteDirectlyAsync(id, new SpecUnreadableEvent("corrupt"));
        var reporter = CreateTestProbe();

        StartEntity(id, reporter);

        var failure = Assert.IsType<RecoveryFailedException>(reporter.ExpectMsg<RecoveryFailed>().Cause);
        Assert.Contains("repair or upcast the event", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("the journal could not be read", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>A store that does not answer fails recovery after the recovery timeout of virtual time.</summary>
    [Fact]
    public async Task Recovery_times_out_when_the_store_does_not_answer()
    {
        var id = PersistenceIdOf("timeout");
        var reporter = CreateTestProbe();
        Journal.HoldReplays();
        var entity = StartEntity(id, reporter);
        Watch(entity);
        await Journal.WhenReplayHeldAsync().WaitAsync(TestKitSettings.ExpectTimeout);
        reporter.ExpectNoMsg();

        Advance(Options.RecoveryTimeout);

        var failure = Assert.IsType<RecoveryFailedException>(reporter.ExpectMsg<RecoveryFailed>().Cause);
        Assert.Equal(id, failure.PersistenceId);
        Assert.Contains("recovery-timeout", failure.Message, StringComparison.Ordinal);
        ExpectTerminated(entity);
    }

    /// <summary>A backoff supervisor starts an actor whose recovery failed again, and the retry recovers.</summary>
    [Fact]
    public async Task A_backoff_supervisor_retries_a_failed_recovery()
    {
        var id = PersistenceIdOf("backoff");
        await WriteDirectlyAsync(id, new SpecEvent("a"));
        var reporter = CreateTestProbe();
        Journal.FailReplays(1);
        _ = Persistence;
        var child = Props.Create(() => new Entity(id, reporter.Ref, true));

        Sys.ActorOf(BackoffOptions.OnStop(child, "entity", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), 0).Props());
        reporter.ExpectMsg<RecoveryFailed>();
        reporter.ExpectNoMsg();

        Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(new Recovered(1), reporter.ExpectMsg<Recovered>());
    }

    /// <summary>
    /// An actor restarted while a write of its previous incarnation is in flight recovers only after that write
    /// settled, so it sees the event and numbers its next one after it instead of colliding with it.
    /// </summary>
    [Fact]
    public void A_restarted_actor_recovers_after_the_writes_of_its_previous_incarnation()
    {
        var id = PersistenceIdOf("restart-in-flight");
        var reporter = CreateTestProbe();
        var entity = StartEntity(id, reporter, reportRecovery: true);
        reporter.ExpectMsg<Recovered>();
        Journal.HoldWrites();

        entity.Tell(new AddAsync("in-flight"), TestActor);
        entity.Tell(Crash.Instance, TestActor);
        reporter.ExpectNoMsg();

        Journal.ReleaseWrites();
        Assert.Equal(new Recovered(1), reporter.ExpectMsg<Recovered>());
        entity.Tell(new Add("next"), TestActor);
        Assert.Equal(new Persisted("next", 2), ExpectMsg<Persisted>());
    }

    /// <summary>
    /// An event handler that throws restarts the actor while a later handler of the same command still waits; the new
    /// incarnation recovers both events and takes commands again instead of holding them for the old one's handler.
    /// </summary>
    [Fact]
    public void A_handler_failure_does_not_leave_commands_held_after_the_restart()
    {
        var id = PersistenceIdOf("handler-failure");
        var reporter = CreateTestProbe();
        var entity = StartEntity(id, reporter, reportRecovery: true);
        reporter.ExpectMsg<Recovered>();

        entity.Tell(new AddThenFailInHandler("failing", "pending"), TestActor);
        entity.Tell(new Add("next"), TestActor);

        Assert.Equal(new Recovered(2), reporter.ExpectMsg<Recovered>());
        Assert.Equal(new Persisted("next", 3), ExpectMsg<Persisted>());
        Assert.Equal(["failing", "pending", "next"], StateOf(entity).Values);
    }
}
