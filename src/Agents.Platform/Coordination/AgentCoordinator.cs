using Agents.Actors;
using Agents.Cluster.Sharding;
using Agents.Persistence.Actors;
using Agents.Platform.Agents;

namespace Agents.Platform.Coordination;

/// <summary>
/// The registry and supervisor of the agents of a node: one per node (a system actor named
/// <see cref="ActorName"/>), event-sourced under <see cref="RegistryPersistenceId"/>. Its journal is the platform's
/// memory: which agents are defined and which are active. When it starts it recovers, journals the configuration's
/// definitions that are new or changed, starts one shard region per registered agent type (<c>agent-&lt;type&gt;</c>,
/// entities are <see cref="AgentHost"/>s) and starts every active agent, highest priority first.
/// </summary>
/// <remarks>
/// <para>Configuration and API: a definition from <c>agents.definitions</c> is journaled when it is new or differs
/// from the journaled one; once an agent is journaled its active flag is the journaled one (set through
/// the API), not the configuration's.</para>
/// <para>It tracks each agent's status, last heartbeat, restarts and last failure; every
/// <see cref="AgentPlatformOptions.HeartbeatCheckInterval"/> it reports running agents silent for longer than their
/// heartbeat timeout on <see cref="AgentHealthFailure.Topic"/> and restarts them; an agent given up by its host is
/// reported there too.</para>
/// <para>Split by concern: the directory requests in <c>AgentCoordinator.Directory.cs</c>, the shard regions and the
/// hosts' messages in <c>AgentCoordinator.Hosts.cs</c>, the heartbeat watch in <c>AgentCoordinator.Health.cs</c>.</para>
/// </remarks>
public sealed partial class AgentCoordinator : ReceivePersistentActor
{
    /// <summary>The persistence id of the coordinator's events.</summary>
    /// <value><c>agent-registry</c></value>
    public const string RegistryPersistenceId = "agent-registry";

    /// <summary>The name of the coordinator's actor (under <c>/system</c>).</summary>
    /// <value><c>agent-coordinator</c></value>
    public const string ActorName = "agent-coordinator";

    private readonly AgentTypeRegistry _types;
    private readonly AgentPlatformOptions _options;
    private readonly Dictionary<string, AgentEntry> _agents = new(StringComparer.Ordinal);

    /// <summary>Creates the coordinator; use <see cref="Props"/>.</summary>
    /// <param name="types">The agent types the node runs.</param>
    /// <param name="options">The settings and the configuration's definitions.</param>
    public AgentCoordinator(AgentTypeRegistry types, AgentPlatformOptions options)
    {
        _types = types;
        _options = options;
        Recover<AgentDefined>(Apply);
        Recover<AgentActivated>(Apply);
        Recover<AgentDeactivated>(Apply);
        Recover<AgentRestartRequested>(_ => { });
        Recover<RecoveryCompleted>(_ => OnRecovered());

        Command<AgentHostStarted>(OnHostStarted);
        Command<AgentStarted>(OnAgentStarted);
        Command<AgentHeartbeatSignal>(OnHeartbeat);
        Command<AgentFailed>(OnAgentFailed);
        Command<AgentGaveUp>(OnAgentGaveUp);
        Command<StartEntityAck>(_ => { });
        Command<HeartbeatCheck>(_ => CheckHeartbeats());

        Command<GetAgents>(OnGetAgents);
        Command<GetAgent>(OnGetAgent);
        CommandAsync<DefineAgent>(OnDefineAsync);
        CommandAsync<ActivateAgent>(OnActivateAsync);
        CommandAsync<DeactivateAgent>(OnDeactivateAsync);
        CommandAsync<RequestAgentRestart>(OnRestartAsync);
        Command<SendToAgent>(OnSendToAgent);
    }

    /// <summary>The coordinator's event types, for the <c>ManifestRegistry</c> of the journal's serializer.</summary>
    public static IReadOnlyList<Type> EventTypes { get; } =
        [typeof(AgentDefined), typeof(AgentActivated), typeof(AgentDeactivated), typeof(AgentRestartRequested)];

    /// <inheritdoc />
    public override string PersistenceId => RegistryPersistenceId;

    /// <summary>The props of the coordinator.</summary>
    /// <param name="types">The agent types the node runs.</param>
    /// <param name="options">The settings and the configuration's definitions (validated).</param>
    public static Props Props(AgentTypeRegistry types, AgentPlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(options);
        return global::Agents.Actors.Props.Create(() => new AgentCoordinator(types, options));
    }

    private string Node => Context.System.Name;

    /// <summary>
    /// After recovery: journal the configuration's new or changed definitions, start the regions and the active agents,
    /// and start watching heartbeats. Commands wait until the configuration's events are journaled.
    /// </summary>
    private void OnRecovered()
    {
        foreach (var entry in _agents.Values)
        {
            entry.Status = entry.Active ? AgentStatus.Starting : AgentStatus.Inactive;
        }
        StartRegions();
        var changes = ConfigurationChanges();
        if (changes.Count == 0)
        {
            StartActiveAgents();
        }
        else
        {
            // Deferred behind the writes, so that it runs also when the journal refused some of them.
            PersistAll(changes, Apply);
            DeferAsync(changes, _ => StartActiveAgents());
        }
        Timers.StartPeriodicTimer(HeartbeatCheck.Instance, HeartbeatCheck.Instance, _options.HeartbeatCheckInterval);
    }

    /// <summary>The configuration's definitions that are new, or differ from the journaled ones (whose active flag is kept).</summary>
    private List<AgentDefined> ConfigurationChanges()
    {
        var changes = new List<AgentDefined>();
        foreach (var definition in _options.Definitions)
        {
            if (!_agents.TryGetValue(definition.Id, out var entry))
            {
                changes.Add(new AgentDefined(definition.Id, definition));
                continue;
            }
            var merged = definition with { Active = entry.Active };
            if (!AgentDefinitionValidator.Same(entry.Definition, merged))
            {
                changes.Add(new AgentDefined(definition.Id, merged));
            }
        }
        return changes;
    }

    private void Apply(AgentDefined defined)
    {
        if (_agents.TryGetValue(defined.AgentId, out var entry))
        {
            entry.Definition = defined.Definition;
            if (!defined.Definition.Active)
            {
                entry.Status = AgentStatus.Inactive;
            }
            return;
        }
        _agents[defined.AgentId] = new AgentEntry(defined.Definition);
    }

    private void Apply(AgentActivated activated)
    {
        if (_agents.TryGetValue(activated.AgentId, out var entry))
        {
            entry.Definition = entry.Definition with { Active = true };
        }
    }

    private void Apply(AgentDeactivated deactivated)
    {
        if (_agents.TryGetValue(deactivated.AgentId, out var entry))
        {
            entry.Definition = entry.Definition with { Active = false };
            entry.Status = AgentStatus.Inactive;
        }
    }

    /// <summary>Logs a refused event with the fix; the change it carried did not happen.</summary>
    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr) =>
        AgentCoordinatorLog.Rejected(Log, RejectionMessage(@event, cause), cause);

    private static string RejectionMessage(object @event, Exception cause) =>
        $"The journal refused the coordinator's {@event.GetType().Name} ({cause.Message}); the change did not happen. " +
        "Fix: add AgentCoordinator.EventTypes to the ManifestRegistry of the journal's serializer.";

    /// <summary>The heartbeat watch's timer message.</summary>
    private sealed class HeartbeatCheck
    {
        public static HeartbeatCheck Instance { get; } = new();
    }
}
