namespace Agents.Persistence.Serialization;

/// <summary>A type, its manifest and its current version, as declared by <see cref="ManifestAttribute"/>.</summary>
/// <param name="Type">The CLR type.</param>
/// <param name="Manifest">The stable stored name.</param>
/// <param name="Version">The current schema version, at least 1.</param>
public sealed record ManifestRegistration(Type Type, string Manifest, int Version);
