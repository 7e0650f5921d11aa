using System.Collections.Concurrent;
using Agents.Actors;

namespace Agents.Library.Health;

/// <summary>
/// The latest health score of each agent on this node, written by the heartbeat health agent and read by the
/// management API. One per actor system (an extension, found with <see cref="Get"/>), so that several nodes in one
/// process keep their own; safe to read from any thread.
/// </summary>
public sealed class AgentHealthBoard
{
    private readonly ConcurrentDictionary<string, AgentHealthEntry> _entries = new(StringComparer.Ordinal);

    /// <summary>The board of <paramref name="system"/>, created on first use.</summary>
    public static AgentHealthBoard Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.GetOrAddExtension(_ => new AgentHealthBoard());
    }

    /// <summary>The board of <paramref name="system"/> if one was created; <see langword="null"/> when no health agent ever ran there.</summary>
    public static AgentHealthBoard? Find(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.TryGetExtension<AgentHealthBoard>(out var board) ? board : null;
    }

    /// <summary>Sets the latest score of <paramref name="agentId"/>.</summary>
    public void Update(string agentId, AgentHealthEntry entry)
    {
        ArgumentException.ThrowIfNullOrEmpty(agentId);
        ArgumentNullException.ThrowIfNull(entry);
        _entries[agentId] = entry;
    }

    /// <summary>Forgets the score of <paramref name="agentId"/> (it is no longer active or defined).</summary>
    public void Remove(string agentId) => _entries.TryRemove(agentId, out _);

    /// <summary>The latest score of <paramref name="agentId"/>, or <see langword="null"/> when none was given.</summary>
    public AgentHealthEntry? Find(string agentId) => _entries.TryGetValue(agentId, out var entry) ? entry : null;
}
