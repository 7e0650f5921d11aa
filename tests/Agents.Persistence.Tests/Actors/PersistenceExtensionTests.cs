using Agents.Actors;
using Agents.Persistence.Actors;
using Agents.TestKit;
using Agents.TestKit.Persistence;

namespace Agents.Persistence.Tests.Actors;

public sealed class PersistenceExtensionTests
{
    private static ActorSystem CreateSystem(string name) => ActorSystem.Create(name, timeProvider: new ManualTimeProvider());

    [Fact]
    public async Task Get_on_a_system_without_persistence_says_how_to_add_it()
    {
        await using var system = CreateSystem("bare");

        var error = Assert.Throws<InvalidOperationException>(() => PersistenceExtension.Get(system));

        Assert.Contains("'bare'", error.Message, StringComparison.Ordinal);
        Assert.Contains("AddPersistence", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Persistence_is_added_once_per_system()
    {
        await using var system = CreateSystem("twice");
        system.AddInMemoryPersistence(PersistenceSpec.Serializer);

        Assert.Throws<InvalidOperationException>(() => system.AddInMemoryPersistence(PersistenceSpec.Serializer));
    }

    [Fact]
    public async Task Each_system_has_its_own_stores()
    {
        await using var first = CreateSystem("first");
        await using var second = CreateSystem("second");

        var a = first.AddInMemoryPersistence(PersistenceSpec.Serializer);
        var b = second.AddInMemoryPersistence(PersistenceSpec.Serializer);

        Assert.Same(a, PersistenceExtension.Get(first));
        Assert.NotSame(a.Journal, b.Journal);
    }

    [Fact]
    public async Task Invalid_options_are_refused_when_persistence_is_added()
    {
        await using var system = CreateSystem("invalid");

        Assert.Throws<ArgumentOutOfRangeException>(() => system.AddInMemoryPersistence(
            PersistenceSpec.Serializer, options: new PersistenceOptions { RecoveryTimeout = TimeSpan.FromSeconds(-1) }));
    }
}
