namespace Agents.Hocon;

/// <summary>
/// Where a value was written: the file (or other description such as <c>&lt;string&gt;</c>), line and
/// column, so that errors and diagnostics can point people at the exact spot to fix.
/// </summary>
/// <param name="Description">File path, resource name or description of the text that was parsed.</param>
/// <param name="Line">1-based line number; 0 when the value was not read from text.</param>
/// <param name="Column">1-based column (UTF-16 code units); 0 when the value was not read from text.</param>
public readonly record struct HoconOrigin(string Description, int Line, int Column)
{
    /// <summary>Renders <c>file:line:column</c>, or just the description when there is no position.</summary>
    public override string ToString() => Line > 0 ? $"{Description}:{Line}:{Column}" : Description;
}
