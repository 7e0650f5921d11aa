using Agents.Actors;
using Agents.Cluster.Sharding;
using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Cluster.Tests.Sharding;

public sealed class GracefulShutdownSpec(ITestOutputHelper output) : ActorTestKit(output)
{
    private IActorRef StartRegion(ShardingSettings settings, params string[] entityIds)
    {
        var region = ClusterSharding.Get(Sys).Start("echo", TestEntity.PropsFor(TestActor), settings);
        foreach (var entityId in entityIds)
        {
            region.Tell(new StartEntity(entityId));
            ReceiveN(2);
        }
        return region;
    }

    [Fact]
    public void GracefulShutdown_stops_every_entity_and_then_the_region()
    {
        var region = StartRegion(ShardingSettings.Default, "a", "b", "c");
        Watch(region);

        region.Tell(GracefulShutdown.Instance);

        var stopped = ReceiveN(3).Cast<EntityDown>().Select(d => d.EntityId).Order();
        Assert.Equal(["a", "b", "c"], stopped);
        ExpectTerminated(region);
    }

    [Fact]
    public void A_region_without_shards_stops_at_once()
    {
        var region = StartRegion(ShardingSettings.Default);
        Watch(region);

        region.Tell(GracefulShutdown.Instance);

        ExpectTerminated(region);
    }

    [Fact]
    public void The_region_waits_for_entities_that_finish_work_on_the_stop_message()
    {
        var region = StartRegion(ShardingSettings.Default with { StopMessage = "finish" }, "a");
        Watch(region);

        region.Tell(GracefulShutdown.Instance);
        Assert.Equal("finishing", ExpectMsg<string>());
        var entity = LastSender;
        ExpectNoMsg();
        entity.Tell("stop");

        ExpectMsg<EntityDown>();
        ExpectTerminated(region);
    }

    [Fact]
    public void Messages_arriving_during_shutdown_go_to_dead_letters()
    {
        var region = StartRegion(ShardingSettings.Default with { StopMessage = "finish" }, "a");
        region.Tell(GracefulShutdown.Instance);
        ExpectMsg("finishing");
        var entity = LastSender;

        region.Tell(new ShardingEnvelope("a", 1));

        ExpectDeadLetter<ShardingEnvelope>(e => Equals(e.Message, 1));
        ExpectNoMsg();
        entity.Tell("stop");
    }

    [Fact]
    public async Task Terminating_the_system_shuts_the_regions_down_gracefully_first()
    {
        var region = StartRegion(ShardingSettings.Default with { StopMessage = "finish" }, "a");
        Watch(region);

        var terminating = Sys.Terminate();

        Assert.Equal("finishing", ExpectMsg<string>());
        LastSender.Tell("stop");
        ExpectMsg<EntityDown>();
        ExpectTerminated(region);
        await terminating;
    }
}
