using Agents.Actors;
using Agents.Cluster.Sharding;
using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Cluster.Tests.Sharding;

public sealed class PassivationSpec(ITestOutputHelper output) : ActorTestKit(output)
{
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(2);

    private IActorRef StartRegion(ShardingSettings settings) =>
        ClusterSharding.Get(Sys).Start("echo", TestEntity.PropsFor(TestActor), settings);

    private Echo Send(IActorRef region, string entityId, object message)
    {
        region.Tell(new ShardingEnvelope(entityId, message));
        return FishForMessage<Echo>(e => Equals(e.Message, message));
    }

    [Fact]
    public void An_entity_idle_for_passivate_idle_after_is_stopped()
    {
        var region = StartRegion(ShardingSettings.Default with { PassivateIdleAfter = Idle });
        Send(region, "a", 1);

        Advance(Idle);

        Assert.Equal("a", ExpectMsg<EntityDown>().EntityId);
    }

    [Fact]
    public void An_entity_is_not_passivated_before_it_has_been_idle_long_enough()
    {
        var region = StartRegion(ShardingSettings.Default with { PassivateIdleAfter = Idle });
        Send(region, "a", 1);

        Advance(TimeSpan.FromMinutes(1));
        Send(region, "a", 2);
        Advance(TimeSpan.FromMinutes(1.5));

        ExpectNoMsg();
    }

    [Fact]
    public void A_passivated_entity_starts_again_on_its_next_message()
    {
        var region = StartRegion(ShardingSettings.Default with { PassivateIdleAfter = Idle });
        var first = Send(region, "a", 1);
        Advance(Idle);
        ExpectMsg<EntityDown>();

        var second = Send(region, "a", 2);

        Assert.NotEqual(first.Instance, second.Instance);
    }

    [Fact]
    public void Idle_passivation_uses_the_configured_stop_message()
    {
        var region = StartRegion(ShardingSettings.Default with { PassivateIdleAfter = Idle, StopMessage = "finish" });
        Send(region, "a", 1);

        Advance(Idle);

        Assert.Equal("finishing", ExpectMsg<string>());
        LastSender.Tell("stop");
        ExpectMsg<EntityDown>();
    }

    [Fact]
    public void Idle_passivation_can_be_turned_off()
    {
        var region = StartRegion(ShardingSettings.Default with { PassivateIdleAfter = null });
        Send(region, "a", 1);

        Advance(TimeSpan.FromHours(1));

        ExpectNoMsg();
    }

    [Fact]
    public void Passivate_stops_the_entity_with_its_stop_message()
    {
        var region = StartRegion(ShardingSettings.Default);
        var echo = Send(region, "a", 1);

        region.Tell(new ShardingEnvelope("a", "passivate"));
        Assert.Equal("finishing", ExpectMsg<string>());
        echo.Entity.Tell("stop");

        Assert.Equal("a", ExpectMsg<EntityDown>().EntityId);
        ExpectNoMsg();
    }

    [Fact]
    public void Messages_arriving_during_passivation_are_buffered_and_delivered_to_a_new_incarnation_in_order()
    {
        var region = StartRegion(ShardingSettings.Default);
        var echo = Send(region, "a", 1);
        region.Tell(new ShardingEnvelope("a", "passivate"));
        ExpectMsg("finishing");

        region.Tell(new ShardingEnvelope("a", 2));
        region.Tell(new ShardingEnvelope("a", 3));
        ExpectNoMsg();
        echo.Entity.Tell("stop");

        ExpectMsg<EntityDown>();
        ExpectMsg<EntityUp>();
        var second = ExpectMsg<Echo>();
        var third = ExpectMsg<Echo>();
        Assert.Equal([2, 3], new[] { second.Message, third.Message });
        Assert.NotEqual(echo.Instance, second.Instance);
    }
}
