using System.Net.Http.Json;
using System.Text.Json;
using Agents.Platform.Agents;
using Agents.Platform.Agents.Recorder;
using Agents.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace Agents.Node.Tests.Story;

/// <summary>
/// hocon/demo.conf on a real node, twice on the same journal. The agent types of the demo live in Agents.Library, which
/// this project does not reference: recorders stand in for them, so that what is checked is the demo's configuration
/// (definitions, workflow rule, story) and the second start from the journal.
/// </summary>
public sealed class DemoNodeTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    // Only stops a hang; every wait ends as soon as the node shows what is expected.
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private static readonly string[] DemoTypes =
        ["training-run", "convergence-monitor", "hyperparameter-optimizer", "heartbeat-health", "performance-monitor"];

    private static readonly string DemoFile = Path.Combine(AppContext.BaseDirectory, "demo.conf");

    [Fact]
    public async Task The_demo_starts_again_from_its_journal()
    {
        await using (var first = await StartAsync())
        {
            await UntilRunningAsync(first, 7);
        }

        await using var second = await StartAsync();

        var agents = await UntilRunningAsync(second, 7);
        Assert.Contains("demo-optimizer", agents);
        Assert.True(second.Runtime.TellsStory);
    }

    private Task<TestNode> StartAsync() =>
        TestNode.StartAsync(DemoFile, new Dictionary<string, string> { ["AGENTS_PG"] = database.ConnectionString }, services =>
        {
            var types = RecorderAgent.Register(new AgentTypeRegistry());
            foreach (var type in DemoTypes)
            {
                types.Register(type, definition => new RecorderAgent(definition));
            }

            services.AddSingleton(types);
            services.AddSingleton(new Agents.Node.Story.StoryWriter(TextWriter.Null, TimeProvider.System));
        });

    private static async Task<IReadOnlyList<string>> UntilRunningAsync(TestNode node, int count)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        while (true)
        {
            var agents = await node.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/agents", UriKind.Relative), deadline.Token);
            var running = agents.EnumerateArray()
                .Where(agent => agent.GetProperty("status").GetString() == "running")
                .Select(agent => agent.GetProperty("definition").GetProperty("id").GetString()!)
                .ToList();
            if (running.Count >= count)
            {
                return running;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), deadline.Token);
        }
    }
}
