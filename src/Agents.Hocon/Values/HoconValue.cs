using Agents.Hocon.Rendering;

namespace Agents.Hocon;

/// <summary>
/// A node of a parsed HOCON document. Values are immutable once parsing has finished, record where
/// they were defined (<see cref="Origin"/>) and compare structurally: two values are equal when they
/// hold the same data, whatever their origin, key order or the way numbers were written.
/// </summary>
public abstract class HoconValue : IEquatable<HoconValue>
{
    private readonly HoconSource _source;
    private readonly int _offset;

    private protected HoconValue(HoconSource source, int offset)
    {
        _source = source;
        _offset = offset;
    }

    /// <summary>A value defined where <paramref name="originOf"/> was.</summary>
    private protected HoconValue(HoconValue originOf) : this(originOf._source, originOf._offset)
    {
    }

    /// <summary>The text this value was read from, which also holds the inline scalars of an object or array.</summary>
    internal HoconSource Source => _source;

    /// <summary>Where this value was defined.</summary>
    public HoconOrigin Origin => _source.OriginAt(_offset);

    internal string OriginDescription => _source.Description;

    /// <summary>The kind of value.</summary>
    public abstract HoconValueType Type { get; }

    /// <summary>
    /// True when neither this value nor anything inside it is a substitution, concatenation or delayed
    /// merge waiting for <see cref="Config.Resolve"/>. A value parsed without resolution whose
    /// substitutions were all overridden may report false until a resolve has confirmed it.
    /// </summary>
    public bool IsResolved => !NeedsResolution;

    /// <summary>
    /// True when this value, or something inside it, may still need resolving. A field rather than a
    /// virtual property: the parser reads it for every value it stores.
    /// </summary>
    internal bool NeedsResolution => _needsResolution;

    private protected bool _needsResolution;

    /// <summary>Renders this value as readable HOCON that parses back to an equal value.</summary>
    public string ToHocon() => HoconRenderer.Render(this);

    /// <summary>Renders this value as JSON. Throws <see cref="HoconException"/> if it is not resolved.</summary>
    /// <param name="indented">True for one field per line with two-space indentation.</param>
    public string ToJson(bool indented = true) => JsonRenderer.Render(this, indented);

    /// <summary>Renders this value as HOCON.</summary>
    public override string ToString() => ToHocon();

    /// <inheritdoc />
    public bool Equals(HoconValue? other) => other is not null && ValueEquality.AreEqual(this, other);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is HoconValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => ValueEquality.HashOf(this);

    /// <summary>Structural equality.</summary>
    public static bool operator ==(HoconValue? left, HoconValue? right) =>
        left is null ? right is null : left.Equals(right);

    /// <summary>Structural inequality.</summary>
    public static bool operator !=(HoconValue? left, HoconValue? right) => !(left == right);
}
