using Agents.Actors;
using Agents.Platform.Agents;

namespace Agents.Platform.Tests.Workflows;

/// <summary>An agent directory double: every tell goes to a probe as <see cref="Told"/> and is answered by <see cref="Answer"/>.</summary>
internal sealed class ProbeAgentDirectory(IActorRef tells) : IAgentDirectory
{
    public List<AgentInfo> Agents { get; } = [];

    public Func<string, AgentCommand, Task<AgentCommandResult>> Answer { get; set; } =
        (id, command) => Task.FromResult(new AgentCommandResult(id, command.Name, Accepted: true, "done"));

    public Exception? ListFailure { get; set; }

    public IReadOnlyList<string> AgentTypes => [.. Agents.Select(a => a.Definition.Type).Distinct().Order(StringComparer.Ordinal)];

    public Task<IReadOnlyList<AgentInfo>> ListAsync(string? type = null, AgentStatus? status = null, CancellationToken cancellationToken = default) =>
        ListFailure is { } failure
            ? Task.FromException<IReadOnlyList<AgentInfo>>(failure)
            : Task.FromResult<IReadOnlyList<AgentInfo>>(
                [.. Agents.Where(a => (type is null || a.Definition.Type == type) && (status is null || a.Status == status))]);

    public Task<AgentInfo?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult(Agents.FirstOrDefault(a => a.Definition.Id == id));

    public Task<AgentCommandResult> TellAsync(string id, AgentCommand command, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        tells.Tell(new Told(id, command), ActorRefs.NoSender);
        return Answer(id, command);
    }

    public Task<AgentInfo> DefineAsync(AgentDefinition definition, CancellationToken cancellationToken = default) => throw NotUsed();

    public Task<AgentInfo> ActivateAsync(string id, CancellationToken cancellationToken = default) => throw NotUsed();

    public Task<AgentInfo> DeactivateAsync(string id, CancellationToken cancellationToken = default) => throw NotUsed();

    public Task<AgentInfo> RestartAsync(string id, CancellationToken cancellationToken = default) => throw NotUsed();

    private static NotSupportedException NotUsed() => new("Workflow rules only list agents and tell them commands.");

    public sealed record Told(string AgentId, AgentCommand Command);
}
