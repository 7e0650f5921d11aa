using Agents.Actors;
using Agents.Cluster.Sharding;
using Agents.Hocon;

namespace Agents.Cluster.Tests.Sharding;

public sealed class ShardingSettingsSpec
{
    private static Config App(string hocon) => Config.Parse(hocon, HoconParseOptions.Default with { Origin = "application.conf" });

    private static HoconException BindFails(string hocon) =>
        Assert.ThrowsAny<HoconException>(() => ShardingSettings.FromConfig(App(hocon)));

    [Fact]
    public void The_reference_config_binds_to_the_defaults_of_the_settings_record()
    {
        var bound = ShardingSettings.FromConfig(Config.Empty);

        Assert.Equal(new ShardingSettings(), bound);
        Assert.Equal(100, bound.NumberOfShards);
        Assert.Equal(TimeSpan.FromMinutes(2), bound.PassivateIdleAfter);
        Assert.False(bound.RememberEntities);
        Assert.Equal(10_000, bound.BufferSize);
        Assert.Equal(TimeSpan.FromSeconds(10), bound.EntityRestartBackoff);
        Assert.Same(PoisonPill.Instance, bound.StopMessage);
    }

    [Fact]
    public void Overrides_bind_over_the_reference_defaults()
    {
        var bound = ShardingSettings.FromConfig(App("""
            agents.cluster.sharding {
              number-of-shards = 30
              passivate-idle-after = 10 minutes
              remember-entities = on
              buffer-size = 50
              entity-restart-backoff = 500ms
            }
            """));

        Assert.Equal(30, bound.NumberOfShards);
        Assert.Equal(TimeSpan.FromMinutes(10), bound.PassivateIdleAfter);
        Assert.True(bound.RememberEntities);
        Assert.Equal(50, bound.BufferSize);
        Assert.Equal(TimeSpan.FromMilliseconds(500), bound.EntityRestartBackoff);
    }

    [Fact]
    public void Idle_passivation_can_be_turned_off_in_config()
    {
        var bound = ShardingSettings.FromConfig(App("agents.cluster.sharding.passivate-idle-after = off"));

        Assert.Null(bound.PassivateIdleAfter);
    }

    [Fact]
    public void A_number_of_shards_below_one_is_an_error_at_the_value()
    {
        var error = BindFails("agents.cluster.sharding {\n  number-of-shards = 0\n}");

        Assert.StartsWith("application.conf:2:", error.Message, StringComparison.Ordinal);
        Assert.Contains("agents.cluster.sharding.number-of-shards is 0; it must be at least 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("Fix: agents.cluster.sharding.number-of-shards = 100", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duration_that_is_not_one_names_the_setting_and_the_fix()
    {
        var error = BindFails("agents.cluster.sharding.passivate-idle-after = soon");

        Assert.StartsWith("application.conf:1:", error.Message, StringComparison.Ordinal);
        Assert.Contains("passivate-idle-after is \"soon\"; it must be a positive duration", error.Message, StringComparison.Ordinal);
        Assert.Contains("or off", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_restart_backoff_cannot_be_off()
    {
        var error = BindFails("agents.cluster.sharding.entity-restart-backoff = off");

        Assert.Contains("entity-restart-backoff is \"off\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_boolean_that_is_not_one_names_the_setting()
    {
        var error = BindFails("agents.cluster.sharding.remember-entities = sometimes");

        Assert.Contains("remember-entities is \"sometimes\"; it must be on or off", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_setting_is_an_error()
    {
        var error = BindFails("agents.cluster.sharding.number-of-shard = 10");

        Assert.StartsWith("application.conf:1:", error.Message, StringComparison.Ordinal);
        Assert.Contains("agents.cluster.sharding.number-of-shard is not a setting", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClusterSharding_reads_its_settings_from_the_system_config()
    {
        await using var system = ActorSystem.Create("configured", App("agents.cluster.sharding.number-of-shards = 7"));

        Assert.Equal(7, ClusterSharding.Get(system).Settings.NumberOfShards);
    }

    [Fact]
    public async Task Settings_set_in_code_are_checked_when_a_type_starts()
    {
        await using var system = ActorSystem.Create("checked");

        var error = Assert.Throws<ArgumentException>(() => ClusterSharding.Get(system).Start(
            "echo", _ => Props.Create(() => new TestEntity("x", system.DeadLetters)), ShardingSettings.Default with { BufferSize = 0 }));

        Assert.Contains("ShardingSettings.BufferSize of entity type 'echo' is 0", error.Message, StringComparison.Ordinal);
    }
}
