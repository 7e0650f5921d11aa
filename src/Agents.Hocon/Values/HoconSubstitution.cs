namespace Agents.Hocon;

/// <summary>
/// An unresolved <c>${path}</c> (required) or <c>${?path}</c> (optional) substitution. It exists only in
/// configurations parsed with <see cref="HoconParseOptions.Resolve"/> off, until <see cref="Config.Resolve"/>.
/// </summary>
public sealed class HoconSubstitution : HoconValue
{
    internal HoconSubstitution(HoconPath path, bool optional, int prefixLength, HoconSource source, int offset)
        : base(source, offset)
    {
        Path = path;
        IsOptional = optional;
        PrefixLength = prefixLength;
        _needsResolution = true;
    }

    /// <summary>The path looked up, from the root of the configuration (including any include prefix).</summary>
    public HoconPath Path { get; }

    /// <summary>True for <c>${?path}</c>: when the path is not set, the value is simply left out.</summary>
    public bool IsOptional { get; }

    /// <summary>
    /// How many leading keys of <see cref="Path"/> were added because the substitution sits in an
    /// included file; lookups fall back to the path without them.
    /// </summary>
    internal int PrefixLength { get; }

    /// <inheritdoc />
    public override HoconValueType Type => HoconValueType.Substitution;

    /// <summary>The path without the include prefix, as written in the file.</summary>
    internal string[] UnprefixedPath => PrefixLength == 0 ? Path.Elements : Path.Elements[PrefixLength..];

    /// <summary>Renders <c>${path}</c> or <c>${?path}</c>.</summary>
    public string Expression => (IsOptional ? "${?" : "${") + Path + "}";
}
