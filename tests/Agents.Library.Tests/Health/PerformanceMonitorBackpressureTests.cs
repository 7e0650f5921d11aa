using Agents.Actors;
using Agents.Library.Health;
using Agents.Platform.Agents;
using Agents.Platform.Topics;
using Xunit.Abstractions;

namespace Agents.Library.Tests.Health;

public sealed class PerformanceMonitorBackpressureTests(ITestOutputHelper output)
    : HealthTestKit(output, new TopicServiceOptions { MaxInFlight = InFlight, RedeliveryInterval = TimeSpan.FromHours(1) })
{
    private const int InFlight = 4;

    [Fact]
    public async Task A_burst_behind_a_stalled_monitor_waits_in_the_topic_log_not_in_its_mailbox()
    {
        // The mailbox holds at most a few more messages than the in-flight window: if the monitor acknowledged events
        // before analysing them, or the subscription sent past its window, the burst would overflow it into dead letters.
        var definition = new AgentDefinition("perf", PerformanceMonitorAgent.TypeName, Limits: new AgentLimits(MailboxCapacity: InFlight + 2));
        var monitor = StartAgent(AgentBase.WithMailboxLimit(Props.Create(() => new PerformanceMonitorAgent(definition)), definition), "perf");
        var monitorTests = new PublishingSteps(this);
        Journal.HoldWrites();

        await monitorTests.PublishValuesAsync("metrics.cpu", [10, 11, 10, 12, 11, 10, 11, 12, 10, 11, 40]);
        await monitorTests.PublishValuesAsync("metrics.cpu", Enumerable.Repeat(11.0, 60));
        await SettleAsync();
        Journal.ReleaseWrites();
        monitorTests.AwaitTotal(monitor, "cpu", 71);

        Assert.DoesNotContain(DeadLetters.Snapshot(), d => d.Message is TopicEvent);
        Assert.Single(await PublishedAsync("anomaly.detected"));
    }

    /// <summary>The publishing and waiting steps of the monitor tests, on this kit.</summary>
    private sealed class PublishingSteps(HealthTestKit kit)
    {
        public async Task PublishValuesAsync(string topic, IEnumerable<double> values)
        {
            foreach (var value in values)
            {
                await kit.PublishJsonAsync(topic, $$"""{"value":{{value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}}}""");
            }
        }

        // 71 analyses through a window of 4 take a while on a loaded machine (parallel test projects); the deadline only
        // stops a hang.
        public void AwaitTotal(IActorRef monitor, string metric, long total) => kit.AwaitAssert(() =>
        {
            var stats = kit.Command(monitor, PerformanceMonitorAgent.StatsCommand).Result!.Value;
            Assert.True(stats.TryGetProperty(metric, out var statistics) && statistics.GetProperty("total").GetInt64() == total,
                $"the monitor has not analysed {total} values of {metric} yet: {stats}");
        }, TimeSpan.FromSeconds(30));
    }
}
