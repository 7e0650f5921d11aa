using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agents.TestKit;

namespace Agents.Node.Tests;

/// <summary>The node with its real agent platform: definitions, the coordinator, topics and the recorder agent, over PostgreSQL.</summary>
public sealed class AgentPlatformTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>, IDisposable
{
    // Only stops a hang; every wait below ends as soon as the node shows what is expected.
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly string _directory = Directory.CreateTempSubdirectory("agents-platform-").FullName;

    private Dictionary<string, string> Environment => new() { ["AGENTS_PG"] = database.ConnectionString };

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Agents_defined_in_the_configuration_start_and_the_node_is_ready()
    {
        var id = Unique("configured");
        await using var node = await TestNode.StartAsync(ConfigWith($$"""
            agents.definitions.{{id}} { type = recorder, subscribes = ["configured.#"] }
            """), Environment);

        var agent = await UntilRunningAsync(node, id);

        Assert.Equal("recorder", agent.GetProperty("definition").GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.OK, (await node.Client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task An_agent_defined_through_the_api_keeps_its_state_across_a_node_restart()
    {
        var id = Unique("kept");
        var topic = $"{id}.metrics";
        await using (var first = await TestNode.StartAsync(TestNode.ConfigFile, Environment))
        {
            var defined = await first.Client.PostAsJsonAsync("/api/agents", new { id, type = "recorder", subscribes = new[] { $"{id}.#" } });
            Assert.Equal(HttpStatusCode.Created, defined.StatusCode);
            await UntilRunningAsync(first, id);
            await PublishAsync(first, topic, """{"step": 1}""");
            await UntilRecordedAsync(first, id, 1);
        }

        await using var second = await TestNode.StartAsync(TestNode.ConfigFile, Environment);
        await UntilRunningAsync(second, id);
        var recorded = await RecentAsync(second, id);

        Assert.Equal(1, Assert.Single(recorded).GetProperty("payload").GetProperty("step").GetInt32());
    }

    [Fact]
    public async Task A_stopped_durable_subscriber_receives_everything_published_meanwhile_in_order()
    {
        var id = Unique("durable");
        await using var node = await TestNode.StartAsync(TestNode.ConfigFile, Environment);
        Assert.Equal(HttpStatusCode.Created,
            (await node.Client.PostAsJsonAsync("/api/agents", new { id, type = "recorder", subscribes = new[] { $"{id}.#" } })).StatusCode);
        await UntilRunningAsync(node, id);

        Assert.Equal(HttpStatusCode.OK, (await node.Client.PostAsync(new Uri($"/api/agents/{id}/deactivate", UriKind.Relative), null)).StatusCode);
        for (var step = 1; step <= 3; step++)
        {
            await PublishAsync(node, $"{id}.step", $$"""{"step": {{step}}}""");
        }

        Assert.Equal(HttpStatusCode.OK, (await node.Client.PostAsync(new Uri($"/api/agents/{id}/activate", UriKind.Relative), null)).StatusCode);
        var recorded = await UntilRecordedAsync(node, id, 3);

        Assert.Equal([1, 2, 3], recorded.Select(e => e.GetProperty("payload").GetProperty("step").GetInt32()));
    }

    [Fact]
    public async Task A_workflow_rule_tells_its_agent_when_the_condition_holds_and_the_firing_is_published()
    {
        var id = Unique("rules");
        await using var node = await TestNode.StartAsync(ConfigWith($$"""
            agents.definitions {
              {{id}}-target { type = recorder }
              {{id}}-audit { type = recorder, subscribes = ["workflow.rule.fired"] }
            }
            agents.workflows.rules.{{id}}-promote {
              on = "{{id}}.metrics"
              where = "accuracy > 0.9"
              tell = "{{id}}-target"
              command = "recent"
            }
            """), Environment);
        await UntilRunningAsync(node, $"{id}-audit");

        await PublishAsync(node, $"{id}.metrics", """{"accuracy": 0.5}""");
        await PublishAsync(node, $"{id}.metrics", """{"accuracy": 0.95}""");
        var fired = await UntilRecordedAsync(node, $"{id}-audit", 1);

        // The rule's subscription handles events in order, so the 0.5 was passed over before the 0.95 fired.
        var firing = Assert.Single(fired).GetProperty("payload");
        Assert.Equal($"{id}-promote", firing.GetProperty("rule").GetString());
        var target = Assert.Single(firing.GetProperty("targets").EnumerateArray());
        Assert.Equal($"{id}-target", target.GetProperty("agentId").GetString());
        Assert.True(target.GetProperty("accepted").GetBoolean());
    }

    [Fact]
    public async Task A_definition_of_an_unregistered_type_is_refused_naming_the_field()
    {
        await using var node = await TestNode.StartAsync(TestNode.ConfigFile, Environment);

        var response = await node.Client.PostAsJsonAsync("/api/agents", new { id = Unique("bad"), type = "no-such-type" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("'no-such-type' is not a registered agent type", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_agent_of_an_unregistered_type_stops_the_node_at_start_up()
    {
        var config = ConfigWith("agents.definitions.broken { type = no-such-type }");

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => TestNode.StartAsync(config, Environment));

        Assert.Contains("agents.definitions.broken.type", failure.Message, StringComparison.Ordinal);
    }

    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)];

    private string ConfigWith(string hocon)
    {
        var path = Path.Combine(_directory, $"{Guid.NewGuid():N}.conf");
        File.WriteAllText(path, $"include file(\"{TestNode.ConfigFile}\")\n{hocon}\n");
        return path;
    }

    private static async Task PublishAsync(TestNode node, string topic, string json)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.Accepted, (await node.Client.PostAsync(new Uri($"/api/topics/{topic}/events", UriKind.Relative), content)).StatusCode);
    }

    private static async Task<JsonElement> UntilRunningAsync(TestNode node, string id)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        while (true)
        {
            var response = await node.Client.GetAsync(new Uri($"/api/agents/{id}", UriKind.Relative), deadline.Token);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var agent = await response.Content.ReadFromJsonAsync<JsonElement>(deadline.Token);
                if (agent.GetProperty("status").GetString() == "running")
                {
                    return agent;
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), deadline.Token);
        }
    }

    private static async Task<IReadOnlyList<JsonElement>> UntilRecordedAsync(TestNode node, string id, int count)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        while (true)
        {
            var recorded = await RecentAsync(node, id);
            if (recorded.Count >= count)
            {
                return recorded;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), deadline.Token);
        }
    }

    private static async Task<IReadOnlyList<JsonElement>> RecentAsync(TestNode node, string id)
    {
        var response = await node.Client.PostAsJsonAsync($"/api/agents/{id}/commands", new { name = "recent" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(answer.GetProperty("accepted").GetBoolean(), answer.GetRawText());
        return [.. answer.GetProperty("result").EnumerateArray()];
    }
}
