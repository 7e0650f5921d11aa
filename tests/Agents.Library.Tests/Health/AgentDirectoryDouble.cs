using Agents.Platform.Agents;

namespace Agents.Library.Tests.Health;

/// <summary>A directory whose agents the test sets; only listing and reading are supported.</summary>
internal sealed class AgentDirectoryDouble : IAgentDirectory
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, AgentInfo> _agents = new(StringComparer.Ordinal);

    private bool _failNextList;

    public IReadOnlyList<string> AgentTypes { get; } = ["worker", "heartbeat-health"];

    /// <summary>Makes the next listing fail, as a coordinator that cannot be reached would.</summary>
    public void FailNextList()
    {
        lock (_gate)
        {
            _failNextList = true;
        }
    }

    public void Set(AgentInfo info)
    {
        lock (_gate)
        {
            _agents[info.Definition.Id] = info;
        }
    }

    public AgentInfo Get(string id)
    {
        lock (_gate)
        {
            return _agents[id];
        }
    }

    public void Update(string id, Func<AgentInfo, AgentInfo> change)
    {
        lock (_gate)
        {
            _agents[id] = change(_agents[id]);
        }
    }

    public Task<IReadOnlyList<AgentInfo>> ListAsync(string? type = null, AgentStatus? status = null, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_failNextList)
            {
                _failNextList = false;
                return Task.FromException<IReadOnlyList<AgentInfo>>(new TimeoutException("The coordinator did not answer."));
            }

            return Task.FromResult<IReadOnlyList<AgentInfo>>(
                [.. _agents.Values.Where(a => (type is null || a.Definition.Type == type) && (status is null || a.Status == status))]);
        }
    }

    public Task<AgentInfo?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_agents.GetValueOrDefault(id));
        }
    }

    public Task<AgentInfo> DefineAsync(AgentDefinition definition, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<AgentInfo> ActivateAsync(string id, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<AgentInfo> DeactivateAsync(string id, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<AgentInfo> RestartAsync(string id, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<AgentCommandResult> TellAsync(string id, AgentCommand command, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();
}
