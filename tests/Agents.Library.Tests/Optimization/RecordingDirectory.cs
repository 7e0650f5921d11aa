using System.Collections.Concurrent;
using Agents.Platform.Agents;

namespace Agents.Library.Tests.Optimization;

/// <summary>An agent directory double that records the definitions and commands it is given and starts nothing.</summary>
internal sealed class RecordingDirectory : IAgentDirectory
{
    public ConcurrentQueue<AgentDefinition> Defined { get; } = new();

    public ConcurrentQueue<(string Id, AgentCommand Command)> Told { get; } = new();

    public IReadOnlyList<string> AgentTypes => ["training-run"];

    public Task<IReadOnlyList<AgentInfo>> ListAsync(string? type = null, AgentStatus? status = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<AgentInfo>>([.. Defined.Select(d => new AgentInfo(d, AgentStatus.Running))]);

    public Task<AgentInfo?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult(Defined.Where(d => d.Id == id).Select(d => new AgentInfo(d, AgentStatus.Running)).LastOrDefault());

    public Task<AgentInfo> DefineAsync(AgentDefinition definition, CancellationToken cancellationToken = default)
    {
        Defined.Enqueue(definition);
        return Task.FromResult(new AgentInfo(definition, AgentStatus.Running));
    }

    public Task<AgentInfo> ActivateAsync(string id, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<AgentInfo> DeactivateAsync(string id, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<AgentInfo> RestartAsync(string id, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<AgentCommandResult> TellAsync(string id, AgentCommand command, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        Told.Enqueue((id, command));
        return Task.FromResult(new AgentCommandResult(id, command.Name, Accepted: true, "ok"));
    }
}
