using Agents.Actors;
using Agents.Persistence.Journal;
using Agents.Platform.Agents;

namespace Agents.Platform.Coordination;

// The requests of the agent directory (AgentPlatform): every change is journaled before it is answered, and a change
// the journal refuses is answered with the reason instead of being left to time out.
public sealed partial class AgentCoordinator
{
    /// <summary>Why the coordinator restarts an agent on request.</summary>
    private const string RequestedRestart = "requested";

    /// <summary>Why the coordinator restarts an agent that was given up when it is activated again.</summary>
    private const string ReactivatedRestart = "activated";

    private void OnGetAgents(GetAgents request)
    {
        IReadOnlyList<AgentInfo> agents = [.. _agents.Values
            .Where(e => (request.Type is null || e.Definition.Type == request.Type) && (request.Status is null || e.Status == request.Status))
            .OrderBy(e => e.Id, StringComparer.Ordinal)
            .Select(e => e.ToInfo(Node))];
        Sender.Tell(agents, Self);
    }

    private void OnGetAgent(GetAgent request)
    {
        if (Find(request.AgentId) is { } entry)
        {
            Sender.Tell(entry.ToInfo(Node), Self);
        }
    }

    private async Task OnDefineAsync(DefineAgent request)
    {
        var sender = Sender;
        AgentDefinition definition;
        try
        {
            definition = AgentDefinitionValidator.Validate(request.Definition, _types);
        }
        catch (AgentDefinitionException e)
        {
            sender.Tell(new Status.Failure(e), Self);
            return;
        }
        _agents.TryGetValue(definition.Id, out var existing);
        if (existing is not null && AgentDefinitionValidator.Same(existing.Definition, definition))
        {
            sender.Tell(existing.ToInfo(Node), Self);
            return;
        }
        var before = existing?.Definition;
        var defined = new AgentDefined(definition.Id, definition);
        if (!await TryPersistAsync(defined, sender))
        {
            return;
        }
        Apply(defined);
        var entry = _agents[defined.AgentId];
        AgentCoordinatorLog.Changed(Log, entry.Id, before is null ? "is defined" : "is redefined");
        if (before is { Active: true } && (before.Type != definition.Type || !definition.Active))
        {
            // Stopped where it ran: its type's region (a new type runs in another region).
            SendToHost(before.Type, entry.Id, new StopAgent(entry.Id));
        }
        if (definition.Active)
        {
            if (before is { Active: true } && before.Type == definition.Type)
            {
                SendToHost(entry, new StartAgent(definition));
            }
            else
            {
                entry.Restarts = 0;
                Wake(entry);
            }
        }
        sender.Tell(entry.ToInfo(Node), Self);
    }

    private async Task OnActivateAsync(ActivateAgent request)
    {
        var sender = Sender;
        if (Find(request.AgentId) is not { } entry)
        {
            return;
        }
        if (entry.Active)
        {
            // Activating an agent that was given up runs it again, as the status's documentation promises.
            if (entry.Status == AgentStatus.Failed)
            {
                await RestartAsync(entry, ReactivatedRestart, sender);
            }
            else
            {
                sender.Tell(entry.ToInfo(Node), Self);
            }
            return;
        }
        var activated = new AgentActivated(entry.Id);
        if (!await TryPersistAsync(activated, sender))
        {
            return;
        }
        Apply(activated);
        AgentCoordinatorLog.Changed(Log, entry.Id, "is activated");
        entry.Status = AgentStatus.Starting;
        entry.Restarts = 0;
        entry.LastFailure = null;
        Wake(entry);
        sender.Tell(entry.ToInfo(Node), Self);
    }

    private async Task OnDeactivateAsync(DeactivateAgent request)
    {
        var sender = Sender;
        if (FindActive(request.AgentId) is not { } entry)
        {
            return;
        }
        var deactivated = new AgentDeactivated(entry.Id);
        if (!await TryPersistAsync(deactivated, sender))
        {
            return;
        }
        Apply(deactivated);
        AgentCoordinatorLog.Changed(Log, entry.Id, "is deactivated");
        SendToHost(entry, new StopAgent(entry.Id));
        sender.Tell(entry.ToInfo(Node), Self);
    }

    private async Task OnRestartAsync(RequestAgentRestart request)
    {
        var sender = Sender;
        if (FindActive(request.AgentId) is { } entry)
        {
            await RestartAsync(entry, RequestedRestart, sender);
        }
    }

    /// <summary>Journals the restart, has the host restart the agent now and answers with the agent.</summary>
    private async Task RestartAsync(AgentEntry entry, string reason, IActorRef sender)
    {
        if (!await TryPersistAsync(new AgentRestartRequested(entry.Id, reason), sender))
        {
            return;
        }
        AgentCoordinatorLog.Changed(Log, entry.Id, "is restarted (" + reason + ")");
        entry.Status = AgentStatus.Starting;
        entry.Restarts++;
        SendToHost(entry, new RestartAgent(entry.Id, reason));
        sender.Tell(entry.ToInfo(Node), Self);
    }

    private void OnSendToAgent(SendToAgent request)
    {
        if (Find(request.AgentId) is not { } entry)
        {
            return;
        }
        if (!entry.Active)
        {
            object answer = request.Message is AgentCommand command
                ? new AgentCommandResult(entry.Id, command.Name, Accepted: false,
                    $"Agent '{entry.Id}' is inactive; activate it (POST /api/agents/{entry.Id}/activate) to send it commands.")
                : new Status.Failure(new InvalidOperationException(
                    $"Agent '{entry.Id}' is inactive and receives no messages; activate it first."));
            Sender.Tell(answer, Self);
            return;
        }
        SendToHost(entry, request.Message, Sender);
    }

    /// <summary>
    /// Journals <paramref name="event"/>; when the journal refuses it, answers <paramref name="sender"/> with the reason
    /// (nothing changed) and returns <see langword="false"/>.
    /// </summary>
    private async Task<bool> TryPersistAsync<TEvent>(TEvent @event, IActorRef sender) where TEvent : notnull
    {
        try
        {
            await PersistAndWaitAsync(@event);
            return true;
        }
        catch (WriteRejectedException e)
        {
            sender.Tell(new Status.Failure(new InvalidOperationException(RejectionMessage(@event, e), e)), Self);
            return false;
        }
    }

    /// <summary>The agent <paramref name="agentId"/>, or <see langword="null"/> after answering the sender with <see cref="UnknownAgentException"/>.</summary>
    /// <summary>The active agent <paramref name="agentId"/>; null when there is none, after answering the sender (an inactive agent with its unchanged info).</summary>
    private AgentEntry? FindActive(string agentId)
    {
        if (Find(agentId) is not { } entry)
        {
            return null;
        }
        if (!entry.Active)
        {
            Sender.Tell(entry.ToInfo(Node), Self);
            return null;
        }
        return entry;
    }

    private AgentEntry? Find(string agentId)
    {
        if (agentId is not null && _agents.TryGetValue(agentId, out var entry))
        {
            return entry;
        }
        Sender.Tell(new Status.Failure(new UnknownAgentException(agentId ?? "")), Self);
        return null;
    }
}
