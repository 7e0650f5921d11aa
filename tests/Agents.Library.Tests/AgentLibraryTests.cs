using Agents.Platform.Agents;

namespace Agents.Library.Tests;

public sealed class AgentLibraryTests
{
    [Fact]
    public void The_library_registers_every_type_the_definitions_name()
    {
        var registry = AgentLibrary.Register(new AgentTypeRegistry());

        Assert.Equal(
            ["convergence-monitor", "heartbeat-health", "hyperparameter-optimizer", "performance-monitor", "training-run"],
            registry.Names);
    }
}
