using Agents.Persistence.Serialization;

namespace Agents.Persistence.Tests.Serialization;

public sealed class ManifestRegistryTests
{
    [Fact]
    public void Type_and_manifest_are_found_both_ways()
    {
        var registry = ManifestRegistry.Create(typeof(EpochCompleted));

        Assert.True(registry.TryGetByType(typeof(EpochCompleted), out var byType));
        Assert.Equal(new ManifestRegistration(typeof(EpochCompleted), "training.epoch-completed", 3), byType);
        Assert.True(registry.TryGetByManifest("training.epoch-completed", out var byManifest));
        Assert.Equal(typeof(EpochCompleted), byManifest.Type);
    }

    [Fact]
    public void Type_without_manifest_attribute_is_refused_with_the_fix()
    {
        var error = Assert.Throws<ArgumentException>(() => ManifestRegistry.Create(typeof(NoManifest)));
        Assert.Contains(nameof(NoManifest), error.Message, StringComparison.Ordinal);
        Assert.Contains("[Manifest(", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_types_declaring_one_manifest_are_refused_naming_both()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            ManifestRegistry.Create(typeof(TrainingStarted), typeof(ClashingTrainingStarted)));
        Assert.Contains(nameof(TrainingStarted), error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(ClashingTrainingStarted), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_below_one_is_refused() =>
        Assert.Throws<ArgumentException>(() => ManifestRegistry.Create(typeof(ZeroVersion)));

    [Fact]
    public void Registering_the_same_type_twice_is_harmless() =>
        Assert.Single(ManifestRegistry.Create(typeof(TrainingStarted), typeof(TrainingStarted)).Registrations);

    [Fact]
    public void Assembly_scan_finds_attributed_types() =>
        Assert.True(ManifestRegistry.FromAssemblies(typeof(Agents.TestKit.Persistence.SpecEvent).Assembly)
            .TryGetByManifest("agents.testkit.spec-event", out _));
}
