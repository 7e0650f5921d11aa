namespace Agents.Hocon;

/// <summary>The kind of a <see cref="HoconValue"/>.</summary>
public enum HoconValueType
{
    /// <summary>An object: ordered keys mapped to values.</summary>
    Object,
    /// <summary>An array of values.</summary>
    Array,
    /// <summary>A string, quoted or unquoted in the source.</summary>
    String,
    /// <summary>A number, kept as originally written.</summary>
    Number,
    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,
    /// <summary><c>null</c>.</summary>
    Null,
    /// <summary>An unresolved <c>${path}</c> or <c>${?path}</c> substitution.</summary>
    Substitution,
    /// <summary>An unresolved value concatenation that contains substitutions.</summary>
    Concatenation,
    /// <summary>An unresolved stack of values for one key whose merge waits for resolution.</summary>
    DelayedMerge,
}
