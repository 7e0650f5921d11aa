using System.Collections.Concurrent;
using System.Text.Json;
using Agents.Platform.Agents;

namespace Agents.Node.Tests;

/// <summary>
/// An <see cref="IAgentDirectory"/> in memory for the management API's tests (also linked into the console's tests):
/// it knows the types <c>recorder</c> and <c>echo</c>, starts an active agent as running on <see cref="NodeName"/>, and
/// answers the commands <c>ping</c> (accepted, with <c>{"pong": true}</c> and the arguments), <c>slow</c> (never in
/// time: <see cref="TimeoutException"/>) and refuses any other.
/// </summary>
internal sealed class InMemoryAgentDirectory : IAgentDirectory
{
    public const string NodeName = "test-node";

    private readonly ConcurrentDictionary<string, AgentInfo> _agents = new(StringComparer.Ordinal);

    public IReadOnlyList<string> AgentTypes { get; } = ["echo", "recorder"];

    /// <summary>The commands received, in order, with the agent id and the timeout they were given.</summary>
    public ConcurrentQueue<(string AgentId, AgentCommand Command, TimeSpan Timeout)> Commands { get; } = new();

    public Task<IReadOnlyList<AgentInfo>> ListAsync(string? type = null, AgentStatus? status = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<AgentInfo>>([.. _agents.Values
            .Where(agent => (type is null || agent.Definition.Type == type) && (status is null || agent.Status == status))
            .OrderBy(agent => agent.Definition.Id, StringComparer.Ordinal)]);

    public Task<AgentInfo?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult(_agents.TryGetValue(id, out var agent) ? agent : null);

    public Task<AgentInfo> DefineAsync(AgentDefinition definition, CancellationToken cancellationToken = default)
    {
        if (!AgentNames.IsValid(definition.Id))
        {
            throw new AgentDefinitionException(definition.Id, "id", $"'{definition.Id}' is not a valid agent id.");
        }

        if (!AgentTypes.Contains(definition.Type))
        {
            throw new AgentDefinitionException(definition.Id, "type", $"'{definition.Type}' is not a registered agent type (registered: echo, recorder).");
        }

        var agent = definition.Active ? Running(definition, 0) : new AgentInfo(definition, AgentStatus.Inactive);
        if (!_agents.TryAdd(definition.Id, agent))
        {
            throw new AgentDefinitionException(definition.Id, "id", "is defined already.");
        }

        return Task.FromResult(agent);
    }

    public Task<AgentInfo> ActivateAsync(string id, CancellationToken cancellationToken = default) =>
        Change(id, agent => Running(agent.Definition with { Active = true }, agent.Restarts));

    public Task<AgentInfo> DeactivateAsync(string id, CancellationToken cancellationToken = default) =>
        Change(id, agent => new AgentInfo(agent.Definition with { Active = false }, AgentStatus.Inactive, agent.LastHeartbeat, agent.Restarts));

    public Task<AgentInfo> RestartAsync(string id, CancellationToken cancellationToken = default) =>
        Change(id, agent => Running(agent.Definition, agent.Restarts + 1));

    public Task<AgentCommandResult> TellAsync(string id, AgentCommand command, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        if (!_agents.ContainsKey(id))
        {
            throw new UnknownAgentException(id);
        }

        Commands.Enqueue((id, command, timeout));
        return command.Name switch
        {
            "ping" => Task.FromResult(new AgentCommandResult(id, command.Name, true, "pong", Pong(command.Arguments))),
            "slow" => Task.FromException<AgentCommandResult>(
                new TimeoutException($"Agent '{id}' did not answer the command 'slow' within {timeout.TotalSeconds:0.###} s.")),
            _ => Task.FromResult(new AgentCommandResult(id, command.Name, false, $"'{command.Name}' is not a command of this agent")),
        };
    }

    /// <summary>Puts an agent in the directory as it is, e.g. one that failed.</summary>
    public void Put(AgentInfo agent) => _agents[agent.Definition.Id] = agent;

    private static AgentInfo Running(AgentDefinition definition, int restarts) =>
        new(definition, AgentStatus.Running, new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero), restarts, null, NodeName);

    private static JsonElement Pong(JsonElement? arguments)
    {
        var json = arguments is { } given ? $$"""{"pong":true,"arguments":{{given.GetRawText()}}}""" : """{"pong":true}""";
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private Task<AgentInfo> Change(string id, Func<AgentInfo, AgentInfo> change)
    {
        if (!_agents.TryGetValue(id, out var agent))
        {
            throw new UnknownAgentException(id);
        }

        var changed = change(agent);
        _agents[id] = changed;
        return Task.FromResult(changed);
    }
}
