using Agents.Actors;
using Agents.Platform.Agents;

namespace Agents.Platform.Coordination;

/// <summary>
/// The agent platform of one actor system (node): the <see cref="IAgentDirectory"/> the management API and workflow
/// rules use, asking the node's <see cref="AgentCoordinator"/>. Add it with
/// <see cref="AgentPlatformActorSystemExtensions.AddAgentPlatform"/>; find it with
/// <see cref="AgentPlatformActorSystemExtensions.AgentPlatform"/>.
/// </summary>
public sealed class AgentPlatform : IAgentDirectory
{
    private readonly AgentTypeRegistry _types;

    internal AgentPlatform(IActorRef coordinator, AgentTypeRegistry types, AgentPlatformOptions options)
    {
        Coordinator = coordinator;
        _types = types;
        Options = options;
    }

    /// <summary>The node's coordinator (<c>/system/agent-coordinator</c>).</summary>
    public IActorRef Coordinator { get; }

    /// <summary>The settings the platform runs with.</summary>
    public AgentPlatformOptions Options { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> AgentTypes => _types.Names;

    /// <inheritdoc />
    public Task<IReadOnlyList<AgentInfo>> ListAsync(string? type = null, AgentStatus? status = null, CancellationToken cancellationToken = default) =>
        Coordinator.Ask<IReadOnlyList<AgentInfo>>(new GetAgents(type, status), Options.AskTimeout, cancellationToken);

    /// <inheritdoc />
    public async Task<AgentInfo?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        try
        {
            return await Coordinator.Ask<AgentInfo>(new GetAgent(id), Options.AskTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (UnknownAgentException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public Task<AgentInfo> DefineAsync(AgentDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return Coordinator.Ask<AgentInfo>(new DefineAgent(definition), Options.AskTimeout, cancellationToken);
    }

    /// <inheritdoc />
    public Task<AgentInfo> ActivateAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Coordinator.Ask<AgentInfo>(new ActivateAgent(id), Options.AskTimeout, cancellationToken);
    }

    /// <inheritdoc />
    public Task<AgentInfo> DeactivateAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Coordinator.Ask<AgentInfo>(new DeactivateAgent(id), Options.AskTimeout, cancellationToken);
    }

    /// <inheritdoc />
    public Task<AgentInfo> RestartAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Coordinator.Ask<AgentInfo>(new RequestAgentRestart(id), Options.AskTimeout, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>The command travels through the agent's shard region; the answer comes from the agent itself.</remarks>
    public Task<AgentCommandResult> TellAsync(string id, AgentCommand command, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(command);
        if (timeout <= TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must be positive, such as 10 seconds.");
        }
        return Coordinator.Ask<AgentCommandResult>(new SendToAgent(id, command), timeout, cancellationToken);
    }
}
