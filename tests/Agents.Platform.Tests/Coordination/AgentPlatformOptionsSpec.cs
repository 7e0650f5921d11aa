using Agents.Hocon;
using Agents.Platform.Agents;
using Agents.Platform.Coordination;

namespace Agents.Platform.Tests.Coordination;

/// <summary>The <c>agents.coordinator</c> settings.</summary>
public sealed class AgentPlatformOptionsSpec
{
    private static readonly AgentTypeRegistry Types = new();

    private static AgentPlatformOptions Bind(string hocon) => AgentPlatformOptions.FromConfig(Config.Parse(hocon), Types);

    [Fact]
    public void The_reference_configuration_holds_the_documented_defaults()
    {
        var options = AgentPlatformOptions.FromConfig(Config.Empty, Types);

        Assert.Equal(AgentSupervision.Default, options.Supervision);
        Assert.Equal(AgentPlatformOptions.Default.HeartbeatCheckInterval, options.HeartbeatCheckInterval);
        Assert.Equal(AgentPlatformOptions.Default.AskTimeout, options.AskTimeout);
        Assert.Empty(options.Definitions);
    }

    [Fact]
    public void Every_setting_is_read()
    {
        var options = Bind("""
            agents.coordinator {
              backoff { min-backoff = 2s, max-backoff = 1 minute, random-factor = 0 }
              max-failures = 3
              failure-window = 10 minutes
              heartbeat-check-interval = 2s
              ask-timeout = 30s
            }
            """);

        Assert.Equal(
            new AgentSupervision(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(1), 0, 3, TimeSpan.FromMinutes(10)), options.Supervision);
        Assert.Equal(TimeSpan.FromSeconds(2), options.HeartbeatCheckInterval);
        Assert.Equal(TimeSpan.FromSeconds(30), options.AskTimeout);
    }

    [Fact]
    public void A_random_factor_above_one_is_an_error_naming_the_setting()
    {
        var error = Assert.Throws<HoconException>(() => Bind("agents.coordinator.backoff.random-factor = 2"));

        Assert.StartsWith("agents.coordinator.backoff.random-factor is 2; it must be a number from 0 to 1", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_maximum_backoff_below_the_minimum_is_an_error()
    {
        var error = Assert.Throws<HoconException>(() => Bind("agents.coordinator.backoff { min-backoff = 10s, max-backoff = 1s }"));

        Assert.StartsWith("agents.coordinator.backoff.max-backoff is", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_setting_is_an_error()
    {
        var error = Assert.Throws<HoconException>(() => Bind("agents.coordinator.max-failure = 3"));

        Assert.StartsWith("agents.coordinator.max-failure is not a setting", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duration_that_is_not_one_is_an_error_naming_the_setting()
    {
        var error = Assert.Throws<HoconException>(() => Bind("agents.coordinator.heartbeat-check-interval = soon"));

        Assert.StartsWith("agents.coordinator.heartbeat-check-interval is \"soon\"", error.Reason, StringComparison.Ordinal);
    }
}
