namespace Agents.Hocon;

/// <summary>
/// Several values for one key whose merge must wait for resolution, because one of them is a
/// substitution whose type is not yet known. The first value is the latest definition.
/// </summary>
public sealed class HoconDelayedMerge : HoconValue
{
    private readonly HoconValue[] _stack;

    internal HoconDelayedMerge(HoconValue[] stack) : base(stack[0])
    {
        _stack = stack;
        _needsResolution = true;
    }

    /// <summary>The definitions, latest first.</summary>
    public IReadOnlyList<HoconValue> Stack => _stack;

    internal HoconValue[] StackArray => _stack;

    /// <inheritdoc />
    public override HoconValueType Type => HoconValueType.DelayedMerge;
}
