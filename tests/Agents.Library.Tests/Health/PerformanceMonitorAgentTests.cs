using System.Globalization;
using Agents.Actors;
using Agents.Library.Health;
using Agents.Platform.Agents;
using Agents.Platform.Topics;
using Xunit.Abstractions;

namespace Agents.Library.Tests.Health;

public sealed class PerformanceMonitorAgentTests(ITestOutputHelper output) : HealthTestKit(output)
{
    private const string MonitorId = "perf";

    [Fact]
    public async Task A_spike_in_a_noisy_stream_is_published_once_and_the_noise_not_at_all()
    {
        var monitor = StartMonitor(new AgentDefinition(MonitorId, PerformanceMonitorAgent.TypeName));
        var noise = IsolationForestTests.Noise(120, seed: 21, mean: 50, deviation: 1);

        await PublishValuesAsync("metrics.latency.p99", noise);
        await PublishValuesAsync("metrics.latency.p99", [58]);
        await PublishValuesAsync("metrics.latency.p99", IsolationForestTests.Noise(20, seed: 22, mean: 50, deviation: 1));
        AwaitTotal(monitor, "latency.p99", 141);

        var anomaly = Assert.Single(await PublishedAsync("anomaly.#")).Payload;
        Assert.Equal(("latency.p99", 58.0, "isolation_forest", 120),
            (anomaly.GetProperty("metric").GetString(), anomaly.GetProperty("value").GetDouble(), anomaly.GetProperty("method").GetString(),
             anomaly.GetProperty("window").GetInt32()));
        Assert.True(anomaly.GetProperty("score").GetDouble() > IsolationForest.DefaultThreshold);
    }

    [Fact]
    public async Task A_spike_in_a_short_stream_is_flagged_by_the_robust_z_score()
    {
        var monitor = StartMonitor(new AgentDefinition(MonitorId, PerformanceMonitorAgent.TypeName));

        await PublishValuesAsync("metrics.cpu", [10, 11, 10, 12, 11, 10, 11, 12, 10, 11, 40]);
        AwaitTotal(monitor, "cpu", 11);

        var anomaly = Assert.Single(await PublishedAsync("anomaly.detected")).Payload;
        Assert.Equal(("robust_z", 10), (anomaly.GetProperty("method").GetString(), anomaly.GetProperty("window").GetInt32()));
    }

    [Fact]
    public async Task An_anomaly_redelivered_after_a_restart_is_not_published_again()
    {
        var definition = new AgentDefinition(MonitorId, PerformanceMonitorAgent.TypeName);
        var monitor = StartMonitor(definition);
        await PublishValuesAsync("metrics.cpu", [10, 11, 10, 12, 11, 10, 11, 12, 10, 11, 40]);
        AwaitTotal(monitor, "cpu", 11);

        Watch(monitor);
        Sys.Stop(monitor);
        ExpectTerminated(monitor);
        var restarted = StartMonitor(definition);
        await RedeliverAsync(restarted, "metrics.cpu");
        AwaitTotal(restarted, "cpu", 11);

        Assert.Single(await PublishedAsync("anomaly.detected"));
    }

    [Fact]
    public async Task Stats_answers_the_rolling_statistics_per_metric()
    {
        var monitor = StartMonitor(new AgentDefinition(MonitorId, PerformanceMonitorAgent.TypeName, Settings: Json("""{"window":3,"min-history":3}""")));

        await PublishValuesAsync("metrics.cpu", [100, 1, 2, 6]);
        await PublishValuesAsync("metrics.memory", [7]);
        AwaitTotal(monitor, "memory", 1);
        AwaitTotal(monitor, "cpu", 4);

        var stats = Command(monitor, PerformanceMonitorAgent.StatsCommand).Result!.Value;
        var cpu = stats.GetProperty("cpu");
        Assert.Equal((3, 4L, 3.0, 7.0, 1.0, 6.0, 6.0),
            (cpu.GetProperty("count").GetInt32(), cpu.GetProperty("total").GetInt64(), cpu.GetProperty("mean").GetDouble(), cpu.GetProperty("variance").GetDouble(),
             cpu.GetProperty("min").GetDouble(), cpu.GetProperty("max").GetDouble(), cpu.GetProperty("last").GetDouble()));
        Assert.Equal(7.0, stats.GetProperty("memory").GetProperty("last").GetDouble());
    }

    [Fact]
    public async Task A_payload_without_a_number_is_skipped_and_the_stream_goes_on()
    {
        var monitor = StartMonitor(new AgentDefinition(MonitorId, PerformanceMonitorAgent.TypeName));

        await PublishJsonAsync("metrics.cpu", """{"value":"high"}""");
        await PublishValuesAsync("metrics.cpu", [3]);
        AwaitTotal(monitor, "cpu", 1);

        Assert.Equal(3.0, Command(monitor, PerformanceMonitorAgent.StatsCommand).Result!.Value.GetProperty("cpu").GetProperty("last").GetDouble());
    }

    [Fact]
    public void A_window_smaller_than_min_history_is_refused_naming_the_setting()
    {
        var definition = new AgentDefinition(MonitorId, PerformanceMonitorAgent.TypeName, Settings: Json("""{"window":16}"""));

        var error = Assert.Throws<AgentDefinitionException>(() => PerformanceMonitorSettings.From(definition));

        Assert.Contains("settings.min-history", error.Message, StringComparison.Ordinal);
    }

    internal IActorRef StartMonitor(AgentDefinition definition) =>
        StartAgent(AgentBase.WithMailboxLimit(Props.Create(() => new PerformanceMonitorAgent(definition)), definition), definition.Id);

    internal async Task PublishValuesAsync(string topic, IEnumerable<double> values)
    {
        foreach (var value in values)
        {
            await PublishJsonAsync(topic, $$"""{"value":{{value.ToString("R", CultureInfo.InvariantCulture)}}}""");
        }
    }

    /// <summary>Delivers the stored events of <paramref name="topic"/> again, as a subscription that lost its acknowledgements would.</summary>
    private async Task RedeliverAsync(IActorRef monitor, string topic)
    {
        var subscription = CreateTestProbe();
        await foreach (var envelope in TopicLog.ReadAsync(Persistence.Topics.TopicOffset.Start))
        {
            if (envelope.Topic == topic)
            {
                monitor.Tell(new TopicEvent("redelivery", envelope), subscription.Ref);
                subscription.ExpectMsg<TopicEventAck>();
            }
        }
    }

    /// <summary>Waits until the monitor analysed <paramref name="total"/> values of <paramref name="metric"/>.</summary>
    internal void AwaitTotal(IActorRef monitor, string metric, long total) => AwaitAssert(() =>
    {
        var stats = Command(monitor, PerformanceMonitorAgent.StatsCommand).Result!.Value;
        Assert.True(stats.TryGetProperty(metric, out var statistics) && statistics.GetProperty("total").GetInt64() == total,
            $"the monitor has not analysed {total} values of {metric} yet: {stats}");
    });
}
