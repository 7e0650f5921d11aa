using Agents.Actors;
using Agents.Cluster.Sharding;
using Agents.Persistence.Actors;
using Agents.Platform.Agents;

namespace Agents.Platform.Coordination;

/// <summary>Adds the agent platform to an actor system, and finds it again.</summary>
public static class AgentPlatformActorSystemExtensions
{
    /// <summary>
    /// Starts the node's agent coordinator (<c>/system/agent-coordinator</c>) for the agent types of
    /// <paramref name="types"/> and registers the platform with the system. The coordinator recovers from the
    /// system's journal, journals the configuration's new or changed definitions and starts the active agents.
    /// </summary>
    /// <param name="system">The actor system; it must have persistence (<c>AddPersistence</c>) whose serializer knows
    /// <see cref="AgentCoordinator.EventTypes"/>.</param>
    /// <param name="types">The agent types the node runs. Types registered later have no shard region.</param>
    /// <param name="options">
    /// The settings and definitions; when null they are read from the <c>agents.coordinator</c> and
    /// <c>agents.definitions</c> sections of the system's <see cref="ActorSystem.Config"/>
    /// (<see cref="AgentPlatformOptions.FromConfig"/>).
    /// </param>
    /// <returns>The platform, also found with <see cref="AgentPlatform(ActorSystem)"/>.</returns>
    /// <exception cref="global::Agents.Hocon.HoconException">
    /// A setting or a definition of the configuration (or a setting of <c>agents.cluster.sharding</c>) is invalid; the
    /// message names its path.
    /// </exception>
    /// <exception cref="AgentDefinitionException">A definition of <paramref name="options"/> is invalid.</exception>
    /// <exception cref="ArgumentException">A setting of <paramref name="options"/> is out of range, or two definitions have the same id.</exception>
    /// <exception cref="InvalidOperationException">The system has no persistence, or has a platform already.</exception>
    public static AgentPlatform AddAgentPlatform(this ActorSystem system, AgentTypeRegistry types, AgentPlatformOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(types);
        options ??= AgentPlatformOptions.FromConfig(system.Config, types);
        options.Validate();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var definitions = new List<AgentDefinition>(options.Definitions.Count);
        foreach (var definition in options.Definitions)
        {
            var valid = AgentDefinitionValidator.Validate(definition, types);
            if (!ids.Add(valid.Id))
            {
                throw new ArgumentException(
                    $"AgentPlatformOptions.Definitions defines agent '{valid.Id}' twice; give each agent one definition.", nameof(options));
            }
            definitions.Add(valid);
        }
        _ = PersistenceExtension.Get(system);
        // The agent regions are sharded with the system's sharding settings: a bad one fails here, before anything runs.
        _ = ClusterSharding.Get(system).Settings;
        if (system.TryGetExtension<AgentPlatform>(out _))
        {
            throw new InvalidOperationException(
                $"Actor system '{system.Name}' has an agent platform already; add it once, when the system is set up, and find it with system.AgentPlatform().");
        }
        options = options with { Definitions = definitions };
        var coordinator = system.SystemActorOf(AgentCoordinator.Props(types, options), AgentCoordinator.ActorName);
        return system.RegisterExtension(new AgentPlatform(coordinator, types, options));
    }

    /// <summary>The agent platform of <paramref name="system"/>.</summary>
    /// <exception cref="InvalidOperationException">No platform was added to the system.</exception>
    public static AgentPlatform AgentPlatform(this ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.TryGetExtension<AgentPlatform>(out var platform)
            ? platform
            : throw new InvalidOperationException(
                $"Actor system '{system.Name}' has no agent platform. Fix: call system.AddAgentPlatform(types) when the system is created (the node does this).");
    }
}
