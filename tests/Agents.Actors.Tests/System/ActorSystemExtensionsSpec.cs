using Agents.TestKit;

namespace Agents.Actors.Tests.System;

public sealed class ActorSystemExtensionsSpec
{
    private sealed class Registry(string owner)
    {
        public string Owner { get; } = owner;
    }

    private static ActorSystem CreateSystem(string name) => ActorSystem.Create(name, timeProvider: new ManualTimeProvider());

    [Fact]
    public async Task A_registered_extension_is_found_by_its_type()
    {
        await using var system = CreateSystem("ext");
        var registry = system.RegisterExtension(new Registry("a"));

        Assert.True(system.TryGetExtension<Registry>(out var found));
        Assert.Same(registry, found);
    }

    [Fact]
    public async Task Registering_a_second_extension_of_one_type_fails_naming_it()
    {
        await using var system = CreateSystem("ext");
        system.RegisterExtension(new Registry("a"));

        var error = Assert.Throws<InvalidOperationException>(() => system.RegisterExtension(new Registry("b")));

        Assert.Contains("Registry", error.Message, StringComparison.Ordinal);
        Assert.True(system.TryGetExtension<Registry>(out var kept));
        Assert.Equal("a", kept.Owner);
    }

    [Fact]
    public async Task GetOrAddExtension_creates_the_extension_once()
    {
        await using var system = CreateSystem("ext");
        var created = 0;

        var first = system.GetOrAddExtension(s => new Registry($"{s.Name}-{++created}"));
        var second = system.GetOrAddExtension(s => new Registry($"{s.Name}-{++created}"));

        Assert.Same(first, second);
        Assert.Equal(1, created);
    }

    [Fact]
    public async Task Systems_do_not_share_extensions()
    {
        await using var first = CreateSystem("first");
        await using var second = CreateSystem("second");
        first.RegisterExtension(new Registry("first"));

        Assert.False(second.TryGetExtension<Registry>(out _));
    }
}
