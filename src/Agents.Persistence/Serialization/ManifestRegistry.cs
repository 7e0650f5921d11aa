using System.Collections.Frozen;
using System.Reflection;

namespace Agents.Persistence.Serialization;

/// <summary>
/// Maps manifests to types and back. Immutable once created, so one registry can be shared by every store and
/// every actor system in a process.
/// </summary>
public sealed class ManifestRegistry
{
    private readonly FrozenDictionary<string, ManifestRegistration> _byManifest;
    private readonly FrozenDictionary<Type, ManifestRegistration> _byType;

    /// <summary>Registers each of <paramref name="types"/>; each must carry a <see cref="ManifestAttribute"/>.</summary>
    /// <exception cref="ArgumentException">
    /// A type has no attribute, an invalid manifest or version, or two types declare the same manifest.
    /// </exception>
    public ManifestRegistry(IEnumerable<Type> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        var byManifest = new Dictionary<string, ManifestRegistration>(StringComparer.Ordinal);
        var byType = new Dictionary<Type, ManifestRegistration>();
        foreach (var type in types.Distinct())
        {
            var registration = Describe(type);
            if (byManifest.TryGetValue(registration.Manifest, out var existing))
            {
                throw new ArgumentException(
                    $"Manifest '{registration.Manifest}' is declared by both {existing.Type.FullName} and " +
                    $"{type.FullName}; each manifest must name exactly one type. Rename one of them.",
                    nameof(types));
            }

            byManifest.Add(registration.Manifest, registration);
            byType.Add(type, registration);
        }

        _byManifest = byManifest.ToFrozenDictionary(StringComparer.Ordinal);
        _byType = byType.ToFrozenDictionary();
    }

    /// <summary>Registers the given types.</summary>
    public static ManifestRegistry Create(params Type[] types) => new(types);

    /// <summary>Registers every type of the given assemblies that carries a <see cref="ManifestAttribute"/>.</summary>
    public static ManifestRegistry FromAssemblies(params Assembly[] assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        return new ManifestRegistry(assemblies
            .SelectMany(a => a.GetTypes())
            .Where(t => t.GetCustomAttribute<ManifestAttribute>() is not null));
    }

    /// <summary>Every registration.</summary>
    public IReadOnlyCollection<ManifestRegistration> Registrations => _byManifest.Values;

    /// <summary>Finds the registration of a type.</summary>
    public bool TryGetByType(Type type, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ManifestRegistration? registration) =>
        _byType.TryGetValue(type, out registration);

    /// <summary>Finds the registration of a manifest.</summary>
    public bool TryGetByManifest(string manifest, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ManifestRegistration? registration) =>
        _byManifest.TryGetValue(manifest, out registration);

    private static ManifestRegistration Describe(Type type)
    {
        var attribute = type.GetCustomAttribute<ManifestAttribute>()
            ?? throw new ArgumentException(
                $"Type {type.FullName} has no [Manifest] attribute. Declare its stable stored name once, " +
                "e.g. [Manifest(\"training.epoch-completed\")], before registering it.", nameof(type));
        if (string.IsNullOrWhiteSpace(attribute.Name) || attribute.Name.Trim() != attribute.Name)
        {
            throw new ArgumentException(
                $"Type {type.FullName} declares the manifest '{attribute.Name}'; a manifest must be non-empty and " +
                "have no leading or trailing spaces.", nameof(type));
        }

        if (attribute.Version < 1)
        {
            throw new ArgumentException(
                $"Type {type.FullName} declares version {attribute.Version} for manifest '{attribute.Name}'; " +
                "versions start at 1.", nameof(type));
        }

        return new ManifestRegistration(type, attribute.Name, attribute.Version);
    }
}
