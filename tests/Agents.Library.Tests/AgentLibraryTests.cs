using Agents.Platform.Agents;

namespace Agents.Library.Tests;

public sealed class AgentLibraryTests
{
    [Fact]
    public void Registering_twice_in_one_registry_is_refused_for_every_type()
    {
        var registry = AgentLibrary.Register(new AgentTypeRegistry());

        foreach (var name in registry.Names)
        {
            Assert.Throws<ArgumentException>(() => registry.Register(name, _ => throw new InvalidOperationException()));
        }
    }
}
