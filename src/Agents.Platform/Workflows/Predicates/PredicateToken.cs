namespace Agents.Platform.Workflows.Predicates;

/// <summary>One token of a predicate: its kind, its text (the unquoted value of a string) and its 1-based column.</summary>
internal readonly record struct PredicateToken(PredicateTokenKind Kind, string Text, int Column, double Number = 0)
{
    /// <summary>Whether the token is the word <paramref name="keyword"/> (keywords ignore case).</summary>
    public bool Is(string keyword) => Kind == PredicateTokenKind.Word && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    /// <summary>How the token is shown in an error.</summary>
    public string Describe() => Kind switch
    {
        PredicateTokenKind.End => "the end",
        PredicateTokenKind.String => $"the string '{Text}'",
        PredicateTokenKind.EventField => $"'${Text}'",
        _ => $"'{Text}'",
    };
}
