using Agents.Actors;
using Agents.Cluster.Sharding;
using Agents.Cluster.Sharding.Remember;
using Agents.Persistence.InMemory;
using Agents.Persistence.Serialization;
using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Cluster.Tests.Sharding;

public sealed class RememberEntitiesSpec(ITestOutputHelper output) : ActorTestKit(output)
{
    private static readonly ShardingSettings Remembering = ShardingSettings.Default with { RememberEntities = true };

    private readonly InMemoryJournal _journal =
        new(new JsonEventSerializer(ManifestRegistry.Create([.. JournalRememberEntitiesStore.EventTypes])));

    private static string ShardOf(string entityId) => HashCodeMessageExtractor.ShardIdOf(entityId, 100);

    /// <summary>Runs a first node over the journal: starts the given entities (and passivates some), then terminates it.</summary>
    private async Task RunFirstSystemAsync(string[] entityIds, string[] passivated)
    {
        await using var first = ActorSystem.Create("first", new ActorSystemSettings(), new ManualTimeProvider());
        var probe = CreateTestProbe();
        var region = ClusterSharding.Get(first).Start(
            "echo", TestEntity.PropsFor(probe.Ref), Remembering, new JournalRememberEntitiesStore(_journal));
        foreach (var entityId in entityIds)
        {
            probe.Send(region, new ShardingEnvelope(entityId, 1));
            probe.FishForMessage<Echo>(e => e.EntityId == entityId);
        }
        foreach (var entityId in passivated)
        {
            probe.Send(region, new ShardingEnvelope(entityId, "passivate"));
            probe.FishForMessage<string>(s => s == "finishing");
            probe.LastSender.Tell("stop");
            probe.FishForMessage<EntityDown>(d => d.EntityId == entityId);
            var reader = new JournalRememberEntitiesStore(_journal);
            await probe.AwaitConditionAsync(
                () => !reader.GetEntitiesAsync("echo", ShardOf(entityId)).GetAwaiter().GetResult().Contains(entityId));
        }
    }

    private IActorRef StartSecondSystem() =>
        ClusterSharding.Get(Sys).Start("echo", TestEntity.PropsFor(TestActor), Remembering, new JournalRememberEntitiesStore(_journal));

    [Fact]
    public async Task A_new_system_over_the_same_journal_starts_the_remembered_entities_without_a_message()
    {
        await RunFirstSystemAsync(["a", "b", "c"], []);

        StartSecondSystem();

        var started = ReceiveN(3).Cast<EntityUp>().Select(u => u.EntityId).Order();
        Assert.Equal(["a", "b", "c"], started);
    }

    [Fact]
    public async Task Passivated_entities_are_forgotten()
    {
        await RunFirstSystemAsync(["a", "b"], ["b"]);

        StartSecondSystem();

        Assert.Equal("a", ExpectMsg<EntityUp>().EntityId);
        ExpectNoMsg();
    }

    [Fact]
    public async Task Shards_and_entities_are_journaled_under_sharding_persistence_ids()
    {
        await RunFirstSystemAsync(["a"], []);
        var reader = new JournalRememberEntitiesStore(_journal);

        Assert.Equal("sharding/echo", JournalRememberEntitiesStore.ShardsPersistenceId("echo"));
        Assert.Equal([ShardOf("a")], await reader.GetShardsAsync("echo"));
        Assert.Equal(["a"], await reader.GetEntitiesAsync("echo", ShardOf("a")));
        var events = new List<object>();
        await foreach (var stored in _journal.ReplayMessagesAsync($"sharding/echo/{ShardOf("a")}", 1, long.MaxValue, long.MaxValue))
        {
            events.Add(stored.Payload);
            Assert.Equal("agents.sharding.entities-started", stored.Manifest);
        }
        Assert.Equal(["a"], Assert.IsType<EntitiesStarted>(Assert.Single(events)).EntityIds);
    }

    [Fact]
    public void A_remembered_entity_that_stopped_itself_starts_again_after_the_restart_backoff()
    {
        var region = StartSecondSystem();
        region.Tell(new ShardingEnvelope("a", "stop"));
        ExpectMsg<EntityUp>();
        ExpectMsg<EntityDown>();
        ExpectNoMsg();

        Advance(Remembering.EntityRestartBackoff);

        Assert.Equal("a", ExpectMsg<EntityUp>().EntityId);
    }

    [Fact]
    public void Remembered_entities_are_not_passivated_when_idle()
    {
        var region = StartSecondSystem();
        region.Tell(new ShardingEnvelope("a", 1));
        ExpectMsg<EntityUp>();
        ExpectMsg<Echo>();

        Advance(TimeSpan.FromHours(1));

        ExpectNoMsg();
    }

    [Fact]
    public void Remember_entities_without_a_store_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(
            () => ClusterSharding.Get(Sys).Start("echo", TestEntity.PropsFor(TestActor), Remembering));

        Assert.Contains("remember-entities on but no store", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shard_whose_store_fails_stops_and_comes_back_with_its_remembered_entities_after_the_backoff()
    {
        var store = new FlakyRememberStore(failingWrite: 2);
        var region = ClusterSharding.Get(Sys).Start(
            "echo", TestEntity.PropsFor(TestActor), Remembering, HashCodeMessageExtractor.Create(1), store);
        region.Tell(new ShardingEnvelope("a", 1));
        ExpectMsg<EntityUp>();
        ExpectMsg<Echo>();

        EventFilter.Error("could not record its entities").ExpectOne(() => region.Tell(new ShardingEnvelope("b", 1)));
        Assert.Equal("a", ExpectMsg<EntityDown>().EntityId);
        ExpectDeadLetter<ShardingEnvelope>(e => e.EntityId == "b");
        Advance(Remembering.EntityRestartBackoff);

        Assert.Equal("a", ExpectMsg<EntityUp>().EntityId);
        ExpectNoMsg();
    }

    [Fact]
    public async Task A_journal_that_does_not_know_the_sharding_events_is_an_error_naming_the_fix()
    {
        var journal = new InMemoryJournal(new JsonEventSerializer(ManifestRegistry.Create()));
        var store = new JournalRememberEntitiesStore(journal);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.AddShardAsync("echo", "1"));

        Assert.Contains("rejected the sharding record of 'sharding/echo'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Fix: add JournalRememberEntitiesStore.EventTypes", error.Message, StringComparison.Ordinal);
    }
}
