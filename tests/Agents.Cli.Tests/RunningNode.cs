using Agents.Node.Configuration;
using Agents.Node.Hosting;
using Agents.Node.Tests;
using Agents.Platform.Agents;
using Agents.TestKit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Agents.Cli.Tests;

/// <summary>
/// A real node in this process for a test class: its management API on an ASP.NET Core test server (no port), its
/// journal in a database of its own on the TestKit's PostgreSQL server, the token <see cref="Token"/>, and an in-memory
/// agent directory (<see cref="AgentDirectory"/>) in place of the agent platform.
/// </summary>
public class RunningNode : PostgresDatabaseFixture
{
    public const string Token = "cli-test-token-0123456789";

    private WebApplication? _app;

    public string SystemName { get; } = "cli-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The transport to the node's management API, for <see cref="AgentsConsole.Handler"/>.</summary>
    public HttpMessageHandler Handler => (_app ?? throw new InvalidOperationException("The node has not started.")).GetTestServer().CreateHandler();

    internal InMemoryAgentDirectory AgentDirectory { get; } = new();

    /// <summary>Whether <see cref="AgentDirectory"/> stands in for the node's agent platform.</summary>
    protected virtual bool ReplacesAgentPlatform => true;

    /// <summary>The node's application, e.g. to stop it.</summary>
    internal WebApplication App => _app ?? throw new InvalidOperationException("The node has not started.");

    internal NodeRuntime Runtime => _app!.Services.GetRequiredService<NodeRuntime>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var builder = NodeApplication.CreateBuilder(new NodeConfigurationSources
        {
            ConfigFile = Path.Combine(AppContext.BaseDirectory, "node.conf"),
            Environment = new Dictionary<string, string>
            {
                ["AGENTS_PG"] = ConnectionString,
                ["AGENTS_TOKEN"] = Token,
                ["AGENTS_NODE_NAME"] = SystemName,
            },
            Args = [],
        });
        builder.WebHost.UseTestServer();
        if (ReplacesAgentPlatform)
        {
            builder.Services.AddSingleton<IAgentDirectory>(AgentDirectory);
        }

        _app = NodeApplication.Build(builder);
        await _app.StartAsync();
    }

    public override async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        await base.DisposeAsync();
    }
}
