using System.Runtime.CompilerServices;

namespace Agents.Hocon;

/// <summary>
/// Where an object field or an array element keeps its value: a value object, or, for a plain
/// scalar the parser read (unquoted text, a quoted string without escapes, a number, a boolean, null),
/// only the position of its text in the source until someone reads it. Configuration is mostly
/// scalars, and most of them are read once or never, so parsing allocates nothing for them; the first
/// read builds the value (and its string) from the source text and keeps it.
/// </summary>
/// <remarks>
/// An inline scalar's text lies in the source of the object or array holding the slot, so a slot may
/// only be copied into a container that shares that source. Two threads reading an inline scalar for
/// the first time at once may each build a value; both are equal, and one of them is kept.
/// </remarks>
internal struct HoconSlot
{
    // Length in the bits above KindBits, ScalarKind in the low ones.
    private const int KindBits = 3;
    private const int KindMask = (1 << KindBits) - 1;

    /// <summary>The longest text kept inline; longer scalars are built at once.</summary>
    public const int MaxInlineLength = int.MaxValue >> KindBits;

    private HoconValue? _value;
    private readonly int _start;
    private readonly int _info;

    /// <summary>A slot holding <paramref name="value"/>.</summary>
    public HoconSlot(HoconValue value) => _value = value;

    private HoconSlot(ScalarKind kind, int start, int length)
    {
        _start = start;
        _info = (length << KindBits) | (int)kind;
    }

    /// <summary>
    /// A scalar kept as text: for <see cref="ScalarKind.Quoted"/>, <paramref name="start"/> is the
    /// opening quote and <paramref name="length"/> that of the content between the quotes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static HoconSlot Inline(ScalarKind kind, int start, int length, HoconSource source) =>
        length <= MaxInlineLength ? new HoconSlot(kind, start, length) : new HoconSlot(Build(kind, start, length, source));

    /// <summary>The value if it has been built (or never was inline); null for a scalar still kept as text.</summary>
    public readonly HoconValue? Built => _value;

    /// <summary>True when the value may still need resolving; an inline scalar never does.</summary>
    public readonly bool NeedsResolution => _value is { NeedsResolution: true };

    /// <summary>The value, built from <paramref name="source"/> (the holder's source) on first read and kept.</summary>
    public HoconValue Get(HoconSource source) => _value ?? (_value = Build((ScalarKind)(_info & KindMask), _start, _info >> KindBits, source));

    private static HoconValue Build(ScalarKind kind, int start, int length, HoconSource source)
    {
        var text = source.Text;
        switch (kind)
        {
            case ScalarKind.Unquoted:
                return new HoconString(source.Slice(start, length), source, start, StringKind.Unquoted);
            case ScalarKind.Quoted:
                return new HoconString(source.Slice(start + 1, length), source, start, StringKind.Quoted);
            case ScalarKind.Number:
                var span = text.AsSpan(start, length);
                NumberText.IsNumber(span, out var isInteger, out var integer);
                var keepText = !isInteger || !NumberText.IsCanonical(span, integer);
                return new HoconNumber(keepText ? source.Slice(start, length) : null, isInteger, integer, source, start);
            case ScalarKind.True:
                return new HoconBoolean(true, source, start);
            case ScalarKind.False:
                return new HoconBoolean(false, source, start);
            case ScalarKind.Null:
                return new HoconNull(source, start);
            default:
                throw new InvalidOperationException("an empty slot has no value");
        }
    }
}

/// <summary>What an inline <see cref="HoconSlot"/> holds.</summary>
internal enum ScalarKind : byte
{
    /// <summary>Not inline: the slot holds a value object.</summary>
    None,
    Unquoted,
    Quoted,
    Number,
    True,
    False,
    Null,
}
