using Agents.Library.Health;
using Agents.Library.Optimization;
using Agents.Library.Training;
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
        TrainingRunAgent.Register(registry);
        ConvergenceMonitorAgent.Register(registry);
        HyperparameterOptimizerAgent.Register(registry);
        HeartbeatHealthAgent.Register(registry);
        PerformanceMonitorAgent.Register(registry);
        return registry;
    }
}
