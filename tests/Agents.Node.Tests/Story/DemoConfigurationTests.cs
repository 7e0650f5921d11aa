using System.Text.Json;
using Agents.Hocon;
using Agents.Node.Configuration;
using Agents.Node.Story;
using Agents.Platform.Agents;
using Agents.Platform.Workflows;
using Microsoft.Extensions.Configuration;

namespace Agents.Node.Tests.Story;

/// <summary>hocon/demo.conf, read the way the node reads it (without starting its agents, whose types live in Agents.Library).</summary>
public sealed class DemoConfigurationTests
{
    private static readonly string DemoFile = Path.Combine(AppContext.BaseDirectory, "demo.conf");

    private static Config Demo() => NodeConfiguration.ToHocon(new ConfigurationBuilder()
        .AddNodeConfiguration(new NodeConfigurationSources { ConfigFile = DemoFile, Environment = new Dictionary<string, string>() })
        .Build());

    private static JsonElement Settings(string id)
    {
        using var document = JsonDocument.Parse(Demo().GetValue($"agents.definitions.{id}.settings").ToJson());
        return document.RootElement.Clone();
    }

    private static Dictionary<string, string> Definitions()
    {
        var definitions = (HoconObject)Demo().GetValue("agents.definitions");
        return definitions.ToDictionary(entry => entry.Key, entry => Config.FromObject((HoconObject)entry.Value).GetString("type"));
    }

    [Fact]
    public void The_demo_defines_the_runs_the_monitors_the_optimizer_and_the_health_agents() =>
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["demo-converges"] = "training-run",
                ["demo-overfits"] = "training-run",
                ["demo-diverges"] = "training-run",
                ["demo-convergence"] = "convergence-monitor",
                ["demo-optimizer"] = "hyperparameter-optimizer",
                ["demo-health"] = "heartbeat-health",
                ["demo-performance"] = "performance-monitor",
            }.OrderBy(pair => pair.Key),
            Definitions().OrderBy(pair => pair.Key));

    [Fact]
    public void The_demo_tells_the_story() => Assert.True(StorySettings.IsEnabled(Demo()));

    [Fact]
    public void The_demo_keeps_the_node_settings_of_node_conf() =>
        Assert.Equal(9110, Demo().GetInt("agents.node.management.port"));

    [Theory]
    [InlineData("demo-converges", "converges")]
    [InlineData("demo-overfits", "overfits")]
    [InlineData("demo-diverges", "diverges")]
    public void Each_run_follows_its_profile_for_a_minute_or_more(string id, string profile)
    {
        var settings = Settings(id);

        Assert.Equal(profile, settings.GetProperty("profile").GetString());
        Assert.InRange(settings.GetProperty("epochs").GetInt32(), 60, 80);
        Assert.Equal("1s", settings.GetProperty("epoch-interval").GetString());
    }

    [Fact]
    public void The_optimization_runs_12_trials_2_at_a_time_as_training_runs()
    {
        var settings = Settings("demo-optimizer");

        Assert.Equal("demo-hpo", settings.GetProperty("optimizationId").GetString());
        Assert.Equal(12, settings.GetProperty("trials").GetInt32());
        Assert.Equal(2, settings.GetProperty("parallel").GetInt32());
        Assert.Equal("training-run", settings.GetProperty("launch").GetString());
    }

    [Fact]
    public void The_search_space_has_its_four_parameters_with_typed_bounds()
    {
        var space = Settings("demo-optimizer").GetProperty("space");

        Assert.Equal("log_uniform", space.GetProperty("learning_rate").GetProperty("kind").GetString());
        Assert.Equal(1e-4, space.GetProperty("learning_rate").GetProperty("low").GetDouble());
        Assert.Equal(0.5, space.GetProperty("dropout").GetProperty("high").GetDouble());
        Assert.Equal([32, 64, 128], space.GetProperty("batch_size").GetProperty("values").EnumerateArray().Select(v => v.GetInt32()));
        Assert.Equal(6, space.GetProperty("layers").GetProperty("high").GetInt32());
    }

    [Fact]
    public void The_convergence_monitor_follows_the_epochs() =>
        Assert.Equal(["training.epoch_complete"], Demo().GetStringList("agents.definitions.demo-convergence.subscribes"));

    [Fact]
    public void The_performance_monitor_follows_the_metrics() =>
        Assert.Equal(["metrics.#"], Demo().GetStringList("agents.definitions.demo-performance.subscribes"));

    [Fact]
    public void The_workflow_rules_are_valid_for_the_demo_agents()
    {
        var definitions = Definitions().Select(pair => new AgentDefinition(pair.Key, pair.Value)).ToList();

        var rules = WorkflowRuleBinder.Bind(Demo(), definitions, new AgentTypeRegistry());

        Assert.Equal("stop-converged-demo-run", Assert.Single(rules).Name);
    }
}
