using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Agents.Platform.Topics;

/// <summary>
/// A subscription pattern over topic names, with AMQP topic-exchange rules: <c>*</c> matches
/// exactly one word and <c>#</c> matches zero or more words. <c>model.convergence.*</c>
/// matches <c>model.convergence.detected</c>; <c>training.#</c> matches <c>training</c> and
/// <c>training.epoch.complete</c>; <c>#</c> matches every topic.
/// </summary>
/// <remarks>
/// <para>
/// Literal words follow the <see cref="TopicName"/> rules (ASCII letters, digits, <c>_</c>,
/// <c>-</c>; case-sensitive). A wildcard is a whole word: <c>mod*el</c> and <c>model.#x</c> are
/// errors, not wildcards inside a word. The same limits apply as to names:
/// <see cref="TopicName.MaxLength"/> characters and <see cref="TopicName.MaxWords"/> words, counted
/// in the text as written.
/// </para>
/// <para>
/// Patterns are kept in a canonical form: within a run of adjacent wildcards the <c>*</c> words
/// come first and several <c>#</c> collapse into one, since both spellings match the same topics
/// (<c>#.#</c> is <c>#</c>; <c>#.*</c> and <c>*.#.#</c> are <c>*.#</c>). <see cref="ToString"/>
/// returns the canonical text, equality compares it, and parsing it gives an equal pattern.
/// </para>
/// </remarks>
[DebuggerDisplay("{_text,nq}")]
[JsonConverter(typeof(TopicPatternJsonConverter))]
public sealed class TopicPattern : IEquatable<TopicPattern>
{
    private readonly string _text;
    private readonly string[] _words;

    private TopicPattern(string text, string[] words, bool isLiteral)
    {
        _text = text;
        _words = words;
        IsLiteral = isLiteral;
    }

    /// <summary>Whether the pattern has no wildcard, so it matches exactly one topic name.</summary>
    public bool IsLiteral { get; }

    /// <summary>The canonical words; a wildcard word is exactly <c>*</c> or <c>#</c>.</summary>
    internal IReadOnlyList<string> Words => _words;

    /// <summary>Reads a pattern.</summary>
    /// <param name="text">The pattern, e.g. <c>model.convergence.*</c> or <c>training.#</c>.</param>
    /// <returns>The validated pattern in canonical form.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="TopicFormatException">
    /// <paramref name="text"/> is not a valid pattern; the message names the position and the rule.
    /// </exception>
    public static TopicPattern Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var error = TopicSyntax.Scan(text, allowWildcards: true, out var words);
        return error.IsError ? throw error.ToException(text, isPattern: true) : Create(text, words);
    }

    /// <summary>Reads a pattern, or returns false when <paramref name="text"/> is null or not a valid pattern.</summary>
    /// <param name="text">The pattern, e.g. <c>model.convergence.*</c> or <c>training.#</c>.</param>
    /// <param name="pattern">The validated pattern in canonical form, or null.</param>
    /// <returns>Whether <paramref name="text"/> is a valid pattern.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out TopicPattern? pattern)
    {
        pattern = null;
        if (text is null || TopicSyntax.Scan(text, allowWildcards: true, out var words).IsError)
        {
            return false;
        }

        pattern = Create(text, words);
        return true;
    }

    /// <summary>
    /// Reads a pattern, or returns false with the reason when <paramref name="text"/> is null or not
    /// a valid pattern.
    /// </summary>
    /// <param name="text">The pattern, e.g. <c>model.convergence.*</c> or <c>training.#</c>.</param>
    /// <param name="pattern">The validated pattern in canonical form, or null.</param>
    /// <param name="error">Why the text is not a valid pattern (the same message <see cref="Parse"/> throws with), or null.</param>
    /// <returns>Whether <paramref name="text"/> is a valid pattern.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out TopicPattern? pattern, [NotNullWhen(false)] out string? error)
    {
        pattern = null;
        if (text is null)
        {
            error = "Topic pattern is null; a pattern is one or more words or wildcards separated by dots, e.g. 'model.convergence.*' or 'training.#'.";
            return false;
        }

        var problem = TopicSyntax.Scan(text, allowWildcards: true, out var words);
        if (problem.IsError)
        {
            error = problem.Describe(text, isPattern: true);
            return false;
        }

        pattern = Create(text, words);
        error = null;
        return true;
    }

    /// <summary>
    /// Whether <paramref name="topic"/> matches this pattern. Runs in time proportional to the
    /// product of the word counts at worst (a greedy scan that only ever backtracks to the latest
    /// <c>#</c>), without allocating.
    /// </summary>
    /// <param name="topic">A published topic name.</param>
    /// <returns>Whether a subscriber with this pattern receives events published to <paramref name="topic"/>.</returns>
    public bool Matches(TopicName topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var text = topic.Value;
        var end = text.Length + 1;
        var words = _words;
        var p = 0;
        var t = 0;
        var hashAt = -1;
        var hashResumeAt = 0;

        // The classic wildcard-matching loop with '*' as '?' and '#' as '*': when the text stops
        // matching, let the latest '#' absorb one more word and retry from there. Earlier '#'s
        // never need revisiting, because the latest one can absorb whatever they would have.
        while (t < end)
        {
            if (p < words.Length)
            {
                var word = words[p];
                if (TopicSyntax.IsHash(word))
                {
                    hashAt = p++;
                    if (p == words.Length)
                    {
                        return true;
                    }

                    hashResumeAt = t;
                    continue;
                }

                var topicWord = TopicSyntax.WordAt(text, t, out var next);
                if (TopicSyntax.IsStar(word) || topicWord.SequenceEqual(word))
                {
                    p++;
                    t = next;
                    continue;
                }
            }

            if (hashAt < 0)
            {
                return false;
            }

            TopicSyntax.WordAt(text, hashResumeAt, out hashResumeAt);
            t = hashResumeAt;
            p = hashAt + 1;
        }

        while (p < words.Length && TopicSyntax.IsHash(words[p]))
        {
            p++;
        }

        return p == words.Length;
    }

    /// <summary>Whether both are the same pattern after canonicalization.</summary>
    public static bool operator ==(TopicPattern? left, TopicPattern? right) => Equals(left, right);

    /// <summary>Whether the patterns differ after canonicalization.</summary>
    public static bool operator !=(TopicPattern? left, TopicPattern? right) => !Equals(left, right);

    /// <inheritdoc/>
    public bool Equals(TopicPattern? other) => other is not null && string.Equals(_text, other._text, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as TopicPattern);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_text);

    /// <summary>The canonical text; <see cref="Parse"/> reads it back to an equal pattern.</summary>
    public override string ToString() => _text;

    private static TopicPattern Create(string text, int wordCount)
    {
        var words = new List<string>(wordCount);
        var stars = 0;
        var hash = false;
        var isLiteral = true;
        var start = 0;
        while (start <= text.Length)
        {
            var word = TopicSyntax.WordAt(text, start, out start);
            if (word is "*")
            {
                stars++;
                isLiteral = false;
            }
            else if (word is "#")
            {
                hash = true;
                isLiteral = false;
            }
            else
            {
                FlushWildcards(words, ref stars, ref hash);
                words.Add(word.ToString());
            }
        }

        FlushWildcards(words, ref stars, ref hash);
        var canonical = string.Join('.', words);
        return new TopicPattern(canonical == text ? text : canonical, [.. words], isLiteral);
    }

    private static void FlushWildcards(List<string> words, ref int stars, ref bool hash)
    {
        for (; stars > 0; stars--)
        {
            words.Add(TopicSyntax.Star);
        }

        if (hash)
        {
            words.Add(TopicSyntax.Hash);
            hash = false;
        }
    }
}
