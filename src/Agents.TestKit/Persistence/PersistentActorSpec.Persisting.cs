using Xunit;

namespace Agents.TestKit.Persistence;

// Persisting: replies after durability, handler order, commands waiting, PersistAsync, DeferAsync, the awaitable form.
public abstract partial class PersistentActorSpec
{
    /// <summary>The handler (and so the reply) runs only once the journal stored the event.</summary>
    [Fact]
    public async Task Persist_replies_only_after_the_event_is_durable()
    {
        var id = PersistenceIdOf("durable");
        var entity = StartEntity(id);
        StateOf(entity);
        Journal.HoldWrites();

        entity.Tell(new Add("a"), TestActor);
        ExpectNoMsg();
        Assert.Empty(await StoredAsync(id));

        Journal.ReleaseWrites();
        Assert.Equal(new Persisted("a", 1), ExpectMsg<Persisted>());
        Assert.Equal([(1L, "a")], await StoredAsync(id));
    }

    /// <summary>Handlers of Persist and PersistAll calls of one command run in call order, each with its own sequence number.</summary>
    [Fact]
    public void Handlers_run_in_the_order_of_the_persist_calls()
    {
        var entity = StartEntity(PersistenceIdOf("order"));

        entity.Tell(new AddThenAll("a", "b", ["c", "d"]), TestActor);

        Assert.Equal(
            [new Persisted("a", 1), new Persisted("b", 2), new Persisted("c", 3), new Persisted("d", 4)],
            ReceiveN(4).Cast<Persisted>());
    }

    /// <summary>All events of one command reach the journal in one call, so the journal can batch them.</summary>
    [Fact]
    public void Events_of_one_command_are_written_in_one_journal_call()
    {
        var entity = StartEntity(PersistenceIdOf("one-call"));
        StateOf(entity);
        var before = Journal.WriteCalls;

        entity.Tell(new AddThenAll("a", "b", ["c", "d"]), TestActor);
        ReceiveN(4);

        Assert.Equal(before + 1, Journal.WriteCalls);
    }

    /// <summary>A command that arrives while an event is written waits and then sees the new state.</summary>
    [Fact]
    public void Commands_wait_while_persisted_events_are_written()
    {
        var entity = StartEntity(PersistenceIdOf("stash"));
        StateOf(entity);
        Journal.HoldWrites();

        entity.Tell(new Add("a"), TestActor);
        entity.Tell(GetState.Instance, TestActor);
        ExpectNoMsg();

        Journal.ReleaseWrites();
        ExpectMsg<Persisted>();
        Assert.Equal(["a"], ExpectMsg<EntityState>().Values);
    }

    /// <summary>Inside a handler the sender is the sender of the command that persisted, for each of several senders.</summary>
    [Fact]
    public void The_handler_sees_the_sender_of_its_command()
    {
        var entity = StartEntity(PersistenceIdOf("senders"));
        var first = CreateTestProbe();
        var second = CreateTestProbe();

        entity.Tell(new Add("from-first"), first.Ref);
        entity.Tell(new AddAsync("from-second"), second.Ref);

        Assert.Equal("from-first", first.ExpectMsg<Persisted>().Value);
        Assert.Equal("from-second", second.ExpectMsg<Persisted>().Value);
    }

    /// <summary>With PersistAsync the actor keeps processing commands while the event is written.</summary>
    [Fact]
    public void PersistAsync_keeps_processing_commands_while_writing()
    {
        var entity = StartEntity(PersistenceIdOf("async-flow"));
        StateOf(entity);
        Journal.HoldWrites();

        entity.Tell(new AddAsync("a"), TestActor);
        entity.Tell(GetState.Instance, TestActor);
        Assert.Empty(ExpectMsg<EntityState>().Values);

        Journal.ReleaseWrites();
        Assert.Equal(new Persisted("a", 1), ExpectMsg<Persisted>());
    }

    /// <summary>Handlers of PersistAsync calls from several commands run in call order.</summary>
    [Fact]
    public void PersistAsync_handlers_run_in_order()
    {
        var entity = StartEntity(PersistenceIdOf("async-order"));

        foreach (var value in new[] { "a", "b", "c", "d", "e" })
        {
            entity.Tell(new AddAsync(value), TestActor);
        }

        Assert.Equal(["a", "b", "c", "d", "e"], ReceiveN(5).Cast<Persisted>().Select(p => p.Value));
    }

    /// <summary>A Persist after PersistAsync calls runs its handler after theirs.</summary>
    [Fact]
    public void Persist_after_PersistAsync_runs_after_its_handlers()
    {
        var entity = StartEntity(PersistenceIdOf("mixed"));
        StateOf(entity);
        Journal.HoldWrites();

        entity.Tell(new AddAsync("a"), TestActor);
        entity.Tell(new AddAsync("b"), TestActor);
        entity.Tell(new Add("c"), TestActor);
        entity.Tell(new AddAsync("d"), TestActor);
        ExpectNoMsg();

        Journal.ReleaseWrites();
        Assert.Equal(
            [new Persisted("a", 1), new Persisted("b", 2), new Persisted("c", 3), new Persisted("d", 4)],
            ReceiveN(4).Cast<Persisted>());
    }

    /// <summary>DeferAsync runs its handler after the handlers of events persisted before it.</summary>
    [Fact]
    public void DeferAsync_runs_after_the_pending_handlers()
    {
        var entity = StartEntity(PersistenceIdOf("defer"));

        entity.Tell(new AddAsyncThenDefer("a", "after-a"), TestActor);

        Assert.Equal(new Persisted("a", 1), ExpectMsg<Persisted>());
        Assert.Equal(new Deferred("after-a"), ExpectMsg<Deferred>());
    }

    /// <summary>The awaitable form completes once the event is durable and holds other commands back meanwhile.</summary>
    [Fact]
    public void PersistAndWaitAsync_completes_after_durability_and_holds_commands()
    {
        var entity = StartEntity(PersistenceIdOf("awaiting"));
        StateOf(entity);
        Journal.HoldWrites();

        entity.Tell(new AddAwaiting("a"), TestActor);
        entity.Tell(GetState.Instance, TestActor);
        ExpectNoMsg();

        Journal.ReleaseWrites();
        Assert.Equal(new Persisted("a", 1), ExpectMsg<Persisted>());
        Assert.Equal(["a"], ExpectMsg<EntityState>().Values);
    }

    /// <summary>The awaitable form fails with the rejection, which the handler can catch and go on.</summary>
    [Fact]
    public void PersistAndWaitAsync_fails_with_the_rejection()
    {
        var reporter = CreateTestProbe();
        var entity = StartEntity(PersistenceIdOf("awaiting-rejected"), reporter);

        entity.Tell(new AddAwaitingUnregistered("x"), TestActor);

        reporter.ExpectMsg<Rejected>();
        Assert.Equal("rejected", ExpectMsg<string>());
        entity.Tell(new Add("a"), TestActor);
        Assert.Equal(new Persisted("a", 1), ExpectMsg<Persisted>());
    }

    /// <summary>An event persisted from a handler is handled before the next command.</summary>
    [Fact]
    public void Nested_persist_runs_before_the_next_command()
    {
        var entity = StartEntity(PersistenceIdOf("nested"));

        entity.Tell(new AddNested("outer", "inner"), TestActor);
        entity.Tell(GetState.Instance, TestActor);

        Assert.Equal(new Persisted("outer", 1), ExpectMsg<Persisted>());
        Assert.Equal(new Persisted("inner", 2), ExpectMsg<Persisted>());
        Assert.Equal(["outer", "inner"], ExpectMsg<EntityState>().Values);
    }

    /// <summary>Become changes how commands are handled, and Unbecome returns to the declared handlers.</summary>
    [Fact]
    public void Become_changes_the_command_handlers()
    {
        var entity = StartEntity(PersistenceIdOf("become"));

        entity.Tell(Lock.Instance, TestActor);
        entity.Tell(new Add("a"), TestActor);
        Assert.Equal("locked", ExpectMsg<string>());

        entity.Tell(Unlock.Instance, TestActor);
        entity.Tell(new Add("a"), TestActor);
        Assert.Equal(new Persisted("a", 1), ExpectMsg<Persisted>());
    }

    /// <summary>PersistAllAsync stores its events in one atomic write and runs their handlers in order.</summary>
    [Fact]
    public async Task PersistAllAsync_stores_atomically_and_runs_handlers_in_order()
    {
        var id = PersistenceIdOf("all-async");
        var entity = StartEntity(id);
        StateOf(entity);
        var before = Journal.WriteCalls;

        entity.Tell(new AddAllAsync(["a", "b", "c"]), TestActor);

        Assert.Equal(
            [new Persisted("a", 1), new Persisted("b", 2), new Persisted("c", 3)],
            ReceiveN(3).Cast<Persisted>());
        Assert.Equal(before + 1, Journal.WriteCalls);
        Assert.Equal([(1L, "a"), (2L, "b"), (3L, "c")], await StoredAsync(id));
    }

    /// <summary>Many interleaved Persist, PersistAsync and queries keep their order, in replies and in the journal.</summary>
    [Fact]
    public async Task Interleaved_persist_calls_keep_their_order()
    {
        var id = PersistenceIdOf("interleaved");
        var entity = StartEntity(id);
        var expected = new List<object>();
        for (var i = 1; i <= 60; i++)
        {
            var value = $"e{i}";
            entity.Tell(i % 3 == 0 ? new Add(value) : new AddAsync(value), TestActor);
            expected.Add(new Persisted(value, i));
            if (i % 10 == 0)
            {
                entity.Tell(GetState.Instance, TestActor);
            }
        }

        var received = ReceiveN(66);

        Assert.Equal(expected, received.OfType<Persisted>());
        Assert.Equal(Enumerable.Range(1, 60).Select(i => ((long)i, $"e{i}")), await StoredAsync(id));
        foreach (var state in received.OfType<EntityState>())
        {
            Assert.Equal(Enumerable.Range(1, state.Values.Count).Select(i => $"e{i}"), state.Values);
        }
    }
}
