namespace Agents.Persistence.Topics;

/// <summary>
/// Which topics a reader wants. An event passes when its topic starts with one of <see cref="Prefixes"/> (when
/// given) and <see cref="Matches"/> accepts it (when given). The prefixes are a hint a store may evaluate where the
/// events are (PostgreSQL does, so unwanted rows never travel); the predicate always runs in the reader's process,
/// which is where topic patterns such as <c>model.convergence.*</c> are evaluated.
/// </summary>
/// <param name="Matches">Accepts a topic; null accepts every topic.</param>
/// <param name="Prefixes">Literal topic prefixes (e.g. <c>model.</c>); null or empty means every topic.</param>
public sealed record TopicFilter(Func<string, bool>? Matches = null, IReadOnlyList<string>? Prefixes = null)
{
    /// <summary>Every topic.</summary>
    public static TopicFilter All { get; } = new();

    /// <summary>The topics that start with one of <paramref name="prefixes"/>.</summary>
    public static TopicFilter StartingWith(params string[] prefixes) => new(Prefixes: prefixes);

    /// <summary>Whether an event on <paramref name="topic"/> passes.</summary>
    public bool Accepts(string topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        return PassesPrefixes(topic) && (Matches is null || Matches(topic));
    }

    /// <summary>Whether <paramref name="topic"/> passes the prefixes alone.</summary>
    public bool PassesPrefixes(string topic)
    {
        if (Prefixes is not { Count: > 0 } prefixes)
        {
            return true;
        }

        foreach (var prefix in prefixes)
        {
            if (topic.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
