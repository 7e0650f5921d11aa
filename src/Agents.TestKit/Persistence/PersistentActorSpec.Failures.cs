using Agents.Persistence.Journal;
using Xunit;

namespace Agents.TestKit.Persistence;

// Write failures stop the actor, rejections do not, and a second writer of the same entity is fenced off.
public abstract partial class PersistentActorSpec
{
    /// <summary>A storage failure calls OnPersistFailure, skips the handler and stops the actor.</summary>
    [Fact]
    public void Write_failure_stops_the_actor()
    {
        var reporter = CreateTestProbe();
        var entity = StartEntity(PersistenceIdOf("write-failure"), reporter);
        StateOf(entity);
        Watch(entity);
        Journal.FailWrites(1);

        entity.Tell(new Add("a"), TestActor);

        var failed = reporter.ExpectMsg<Failed>();
        Assert.IsType<JournalStorageException>(failed.Cause);
        Assert.Equal(1, failed.SequenceNr);
        ExpectTerminated(entity);
    }

    /// <summary>A rejected event calls OnPersistRejected, skips its handler, and the actor goes on with the same number.</summary>
    [Fact]
    public async Task Rejected_event_leaves_the_actor_running()
    {
        var id = PersistenceIdOf("rejected");
        var reporter = CreateTestProbe();
        var entity = StartEntity(id, reporter);

        entity.Tell(new AddUnregistered("x"), TestActor);
        var rejected = reporter.ExpectMsg<Rejected>();
        Assert.IsType<WriteRejectedException>(rejected.Cause);
        Assert.Equal(1, rejected.SequenceNr);

        entity.Tell(new Add("a"), TestActor);
        Assert.Equal(new Persisted("a", 1), ExpectMsg<Persisted>());
        Assert.Equal([(1L, "a")], await StoredAsync(id));
    }

    /// <summary>Two live incarnations of one entity: the second to write is fenced off (its write fails) and stops.</summary>
    [Fact]
    public async Task A_second_writer_of_the_same_entity_is_fenced_off()
    {
        var id = PersistenceIdOf("fenced");
        var reporter = CreateTestProbe();
        var winner = StartEntity(id);
        var loser = StartEntity(id, reporter);
        StateOf(winner);
        StateOf(loser);
        Watch(loser);

        winner.Tell(new Add("winner"), TestActor);
        Assert.Equal(new Persisted("winner", 1), ExpectMsg<Persisted>());
        loser.Tell(new Add("loser"), TestActor);

        var failed = reporter.ExpectMsg<Failed>();
        Assert.IsType<SequenceNumberConflictException>(failed.Cause);
        ExpectTerminated(loser);
        Assert.Equal([(1L, "winner")], await StoredAsync(id));
        winner.Tell(new Add("still-running"), TestActor);
        Assert.Equal(new Persisted("still-running", 2), ExpectMsg<Persisted>());
    }
}
