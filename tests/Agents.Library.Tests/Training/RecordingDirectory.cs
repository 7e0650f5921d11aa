using System.Collections.Concurrent;
using Agents.Platform.Agents;

namespace Agents.Library.Tests.Training;

/// <summary>
/// An agent directory double that records the commands sent to agents and accepts them; ids in
/// <see cref="Unknown"/> are answered as no agent having them (an external job).
/// </summary>
internal sealed class RecordingDirectory : IAgentDirectory
{
    public ConcurrentQueue<(string AgentId, AgentCommand Command)> Told { get; } = new();

    public ConcurrentDictionary<string, bool> Unknown { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<string> AgentTypes => [];

    public Task<AgentCommandResult> TellAsync(string id, AgentCommand command, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        if (Unknown.ContainsKey(id))
        {
            return Task.FromException<AgentCommandResult>(new UnknownAgentException(id));
        }

        Told.Enqueue((id, command));
        return Task.FromResult(new AgentCommandResult(id, command.Name, Accepted: true, "done"));
    }

    public Task<IReadOnlyList<AgentInfo>> ListAsync(string? type = null, AgentStatus? status = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<AgentInfo?> GetAsync(string id, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<AgentInfo> DefineAsync(AgentDefinition definition, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<AgentInfo> ActivateAsync(string id, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<AgentInfo> DeactivateAsync(string id, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<AgentInfo> RestartAsync(string id, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
