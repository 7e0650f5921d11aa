using Agents.Platform.Agents;
using Agents.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace Agents.Node.Tests;

/// <summary>
/// One node for a test class, on a database of its own on the test server, with the token <see cref="Token"/> and an
/// in-memory agent directory (<see cref="AgentDirectory"/>).
/// </summary>
public sealed class RunningNodeFixture : PostgresDatabaseFixture
{
    public const string Token = "test-token-0123456789";

    private TestNode? _node;

    /// <summary>Unique, so that the metrics of this node's actor system are told apart from other nodes' in the process.</summary>
    public string SystemName { get; } = "node-" + Guid.NewGuid().ToString("N")[..8];

    internal InMemoryAgentDirectory AgentDirectory { get; } = new();

    internal TestNode Node => _node ?? throw new InvalidOperationException("The node has not started.");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _node = await TestNode.StartAsync(new Dictionary<string, string>
        {
            ["AGENTS_PG"] = ConnectionString,
            ["AGENTS_TOKEN"] = Token,
            ["AGENTS_NODE_NAME"] = SystemName,
        }, services => services.AddSingleton<IAgentDirectory>(AgentDirectory));
    }

    public override async Task DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}
