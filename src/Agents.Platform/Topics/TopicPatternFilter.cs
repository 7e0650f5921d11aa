using Agents.Persistence.Topics;

namespace Agents.Platform.Topics;

/// <summary>
/// Turns subscription patterns into a <see cref="TopicFilter"/> for reading the log: the patterns themselves as the
/// predicate, and their literal leading words as prefixes, which PostgreSQL evaluates where the rows are.
/// </summary>
internal static class TopicPatternFilter
{
    public static TopicFilter Create(IReadOnlyList<TopicPattern> patterns)
    {
        List<string>? prefixes = [];
        foreach (var pattern in patterns)
        {
            if (LiteralPrefix(pattern) is not { } prefix)
            {
                prefixes = null;
                break;
            }

            prefixes.Add(prefix);
        }

        return new TopicFilter(topic => Matches(patterns, topic), prefixes);
    }

    /// <summary>
    /// What every topic the pattern matches starts with: its words before the first wildcard, followed by a dot when
    /// that wildcard is <c>*</c> (one more word must follow); <see langword="null"/> when it starts with a wildcard.
    /// </summary>
    internal static string? LiteralPrefix(TopicPattern pattern)
    {
        var words = pattern.ToString().Split('.');
        var literal = 0;
        while (literal < words.Length && words[literal] is not ("*" or "#"))
        {
            literal++;
        }

        if (literal == 0)
        {
            return null;
        }

        var prefix = string.Join('.', words, 0, literal);
        return literal < words.Length && words[literal] == "*" ? prefix + "." : prefix;
    }

    private static bool Matches(IReadOnlyList<TopicPattern> patterns, string topic)
    {
        if (!TopicName.TryParse(topic, out var name))
        {
            return false;
        }

        foreach (var pattern in patterns)
        {
            if (pattern.Matches(name))
            {
                return true;
            }
        }

        return false;
    }
}
