using Agents.Library.Health;
using Agents.Platform.Agents;

namespace Agents.Library.Tests.Health;

public sealed class HealthRegistrationTests
{
    private readonly AgentTypeRegistry _types = AgentLibrary.Register(new AgentTypeRegistry());

    [Fact]
    public void The_library_registers_both_health_agent_types()
    {
        Assert.Superset(new HashSet<string> { "heartbeat-health", "performance-monitor" }, new HashSet<string>(_types.Names));
    }

    [Fact]
    public void A_bad_check_period_is_refused_when_the_props_are_made_naming_the_setting()
    {
        var definition = new AgentDefinition("health", "heartbeat-health", Settings: HealthTestKit.Json("""{"check-every":"soon"}"""));

        var error = Assert.Throws<AgentDefinitionException>(() => _types.PropsFor(definition));

        Assert.Contains("settings.check-every", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Thresholds_out_of_order_are_refused_naming_the_setting()
    {
        var definition = new AgentDefinition("health", "heartbeat-health", Settings: HealthTestKit.Json("""{"thresholds":{"warning":95}}"""));

        var error = Assert.Throws<AgentDefinitionException>(() => HeartbeatHealthSettings.From(definition));

        Assert.Contains("settings.thresholds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_heartbeat_health_settings_read_durations_and_thresholds()
    {
        var definition = new AgentDefinition("health", "heartbeat-health",
            Settings: HealthTestKit.Json("""{"check-every":"5s","window":60000,"thresholds":{"info":80}}"""));

        var settings = HeartbeatHealthSettings.From(definition);

        Assert.Equal(new HeartbeatHealthSettings(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1), new HealthThresholds(Info: 80)), settings);
    }

    [Fact]
    public void The_health_agent_always_subscribes_to_health_failures()
    {
        var definition = HeartbeatHealthAgent.WithFailureSubscription(new AgentDefinition("health", "heartbeat-health", Subscribes: ["x.y"]));

        Assert.Equal(["x.y", "agent.health.failure"], definition.Subscribes!);
    }

    [Fact]
    public void The_performance_monitor_always_subscribes_to_metrics()
    {
        var definition = PerformanceMonitorAgent.WithMetricsSubscription(new AgentDefinition("perf", "performance-monitor"));

        Assert.Equal(["metrics.#"], definition.Subscribes!);
    }
}
