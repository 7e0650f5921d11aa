using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Agents.Platform.Agents;
using Agents.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace Agents.Node.Tests;

public sealed class AgentsNotStartedTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task A_directory_that_cannot_be_made_yet_is_503_with_the_reason()
    {
        await using var node = await TestNode.StartAsync(
            new Dictionary<string, string> { ["AGENTS_PG"] = database.ConnectionString },
            services => services.AddSingleton<IAgentDirectory>(_ => throw new InvalidOperationException("The platform has not started.")));

        var response = await node.Client.GetAsync(new Uri("/api/agents/anyone", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("The platform has not started.", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
