namespace Agents.Persistence.Serialization;

/// <summary>
/// Declares the stable name under which instances of a type are stored, e.g.
/// <c>[Manifest("training.epoch-completed", Version = 2)]</c>. The manifest, not the CLR type name, is what the
/// journal records, so types can be renamed or moved without breaking stored data.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false, AllowMultiple = false)]
public sealed class ManifestAttribute : Attribute
{
    /// <summary>Declares <paramref name="name"/> as the type's manifest.</summary>
    public ManifestAttribute(string name)
    {
        Name = name;
    }

    /// <summary>The manifest: dot-separated lower-case words are the convention.</summary>
    public string Name { get; }

    /// <summary>
    /// The current schema version of the type's JSON, starting at 1. Raise it when the shape changes and register
    /// an <see cref="IEventUpcaster"/> for the older version if old payloads no longer deserialize as they are.
    /// </summary>
    public int Version { get; set; } = 1;
}
