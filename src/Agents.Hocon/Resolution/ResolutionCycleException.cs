namespace Agents.Hocon.Resolution;

/// <summary>
/// Raised inside the resolver when a lookup needs a value that is itself being resolved and cannot
/// look back to an earlier definition. The nearest substitution turns it into "undefined" (for
/// <c>${?x}</c>) or a <see cref="HoconException"/>; it never reaches users.
/// </summary>
internal sealed class ResolutionCycleException(HoconValue value)
    : Exception($"cycle through the value defined at {value.Origin}")
{
    public HoconValue Value { get; } = value;
}
