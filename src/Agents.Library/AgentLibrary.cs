using Agents.Platform.Agents;

namespace Agents.Library;

/// <summary>The agent types this library ships, registered by name so that definitions can use them.</summary>
public static class AgentLibrary
{
    /// <summary>Registers every agent type of the library in <paramref name="registry"/>.</summary>
    /// <returns><paramref name="registry"/>, for chaining.</returns>
    public static AgentTypeRegistry Register(AgentTypeRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        Optimization.HyperparameterOptimizerAgent.Register(registry);
        return registry;
    }
}
