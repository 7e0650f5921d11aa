namespace Agents.Hocon;

/// <summary>One source found for an include statement.</summary>
/// <param name="Name">
/// Identity of the source: a full file path or a <c>resource:</c> name. Used in positions, as the
/// base for includes inside it, and to detect include cycles.
/// </param>
/// <param name="Text">The content.</param>
/// <param name="Syntax">How to parse it.</param>
public sealed record HoconIncludeSource(string Name, string Text, HoconSyntax Syntax);
