namespace Agents.Hocon;

/// <summary>Finds the sources named by an include statement.</summary>
public interface IHoconIncludeResolver
{
    /// <summary>
    /// Returns every source the include names, in the order they merge (later wins): for a name
    /// without extension, the <c>.properties</c>, <c>.json</c> and <c>.conf</c> that exist. An empty
    /// list means nothing was found; the parser then ignores the include or, when it is required,
    /// reports it. Throw <see cref="HoconException"/> for a source that exists but cannot be read.
    /// </summary>
    IReadOnlyList<HoconIncludeSource> Resolve(HoconIncludeRequest request, HoconParseOptions options);
}
