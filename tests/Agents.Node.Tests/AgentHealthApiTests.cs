using System.Net.Http.Json;
using System.Text.Json;
using Agents.Library.Health;
using Agents.Platform.Agents;

namespace Agents.Node.Tests;

public sealed class AgentHealthApiTests(RunningNodeFixture fixture) : IClassFixture<RunningNodeFixture>
{
    private readonly string _run = "h" + Guid.NewGuid().ToString("N")[..8];

    private HttpClient Client => fixture.Node.Client;

    [Fact]
    public async Task An_agent_a_health_agent_scored_is_shown_with_its_health_score()
    {
        fixture.AgentDirectory.Put(new AgentInfo(new AgentDefinition(_run, "recorder"), AgentStatus.Running));
        var at = new DateTimeOffset(2026, 11, 29, 13, 0, 0, TimeSpan.Zero);
        AgentHealthBoard.Get(fixture.Node.Runtime.System).Update(_run, new AgentHealthEntry(55, "warning", ["no heartbeat for 50s (expected every 10s)"], at));

        var agent = await Client.GetFromJsonAsync<JsonElement>(new Uri($"/api/agents/{_run}", UriKind.Relative));

        var health = agent.GetProperty("healthScore");
        Assert.Equal((55.0, "warning", "2026-11-29T13:00:00+00:00"),
            (health.GetProperty("score").GetDouble(), health.GetProperty("level").GetString(), health.GetProperty("at").GetString()));
        Assert.Equal(["no heartbeat for 50s (expected every 10s)"], health.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task An_agent_no_health_agent_scored_has_no_health_score()
    {
        fixture.AgentDirectory.Put(new AgentInfo(new AgentDefinition(_run, "recorder"), AgentStatus.Running));

        var agent = await Client.GetFromJsonAsync<JsonElement>(new Uri($"/api/agents/{_run}", UriKind.Relative));

        Assert.False(agent.TryGetProperty("healthScore", out _));
    }
}
