using Agents.Actors;
using Agents.Cluster.Sharding;
using Agents.TestKit;
using Xunit.Abstractions;

namespace Agents.Cluster.Tests.Sharding;

public sealed class ManyEntitiesSpec(ITestOutputHelper output) : ActorTestKit(output, testKitSettings: new TestKitSettings { MinimumLogLevel = Microsoft.Extensions.Logging.LogLevel.Information })
{
    [Fact]
    public void Thousands_of_entities_messaged_from_several_senders_at_once_lose_nothing()
    {
        const int Entities = 3000;
        var lifecycle = CreateTestProbe();
        var region = ClusterSharding.Get(Sys).Start("echo", TestEntity.PropsFor(lifecycle.Ref), ShardingSettings.Default);
        var senders = Enumerable.Range(0, 4).Select(_ => CreateTestProbe()).ToArray();

        Parallel.ForEach(senders, sender =>
        {
            for (var i = 0; i < Entities; i++)
            {
                sender.Send(region, new ShardingEnvelope($"entity-{i}", i));
            }
        });

        foreach (var sender in senders)
        {
            var echoes = sender.ReceiveN(Entities, TimeSpan.FromSeconds(60)).Cast<Echo>().ToArray();
            Assert.Equal(Entities, echoes.Select(e => e.EntityId).Distinct().Count());
            Assert.All(echoes, e => Assert.Equal($"entity-{e.Message}", e.EntityId));
        }
        Assert.Equal(Entities, lifecycle.ReceiveN(Entities, TimeSpan.FromSeconds(60)).OfType<EntityUp>().Count());
        region.Tell(GetShardRegionStats.Instance);
        Assert.Equal(Entities, ExpectMsg<ShardRegionStats>().Stats.Values.Sum());
    }
}
