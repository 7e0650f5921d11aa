namespace Agents.Hocon;

/// <summary>
/// An unresolved value concatenation: pieces on one line, at least one of them a substitution, that
/// become a string, an array or an object once the substitutions are known.
/// </summary>
public sealed class HoconConcatenation : HoconValue
{
    private readonly HoconValue[] _pieces;

    internal HoconConcatenation(HoconValue[] pieces, HoconSource source, int offset) : base(source, offset)
    {
        _pieces = pieces;
        _needsResolution = true;
    }

    /// <summary>The pieces in order, including the whitespace between them.</summary>
    public IReadOnlyList<HoconValue> Pieces => _pieces;

    internal HoconValue[] PieceArray => _pieces;

    /// <inheritdoc />
    public override HoconValueType Type => HoconValueType.Concatenation;
}
