namespace Agents.Hocon;

/// <summary>An include statement to resolve.</summary>
/// <param name="Kind">Which form of include it is.</param>
/// <param name="Name">The quoted name, as written.</param>
/// <param name="Required">True for <c>include required(...)</c>: not finding it is an error.</param>
/// <param name="IncludingSource">The including source: a full file path, a <c>resource:</c> name, or null for text.</param>
/// <param name="Origin">Where the include statement is.</param>
public sealed record HoconIncludeRequest(
    HoconIncludeKind Kind, string Name, bool Required, string? IncludingSource, HoconOrigin Origin);
