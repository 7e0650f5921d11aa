namespace Agents.Persistence.Serialization;

/// <summary>An object in stored form: its manifest, the schema version of its JSON, and the UTF-8 JSON itself.</summary>
/// <param name="Manifest">The stable name of the payload's type.</param>
/// <param name="Version">The schema version the JSON was written with.</param>
/// <param name="Json">UTF-8 encoded JSON.</param>
public readonly record struct SerializedPayload(string Manifest, int Version, ReadOnlyMemory<byte> Json);
