using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Agents.Platform.Topics;

/// <summary>
/// The name of a topic that events are published to, such as <c>model.convergence.detected</c>,
/// <c>alert.critical</c> or <c>training.epoch_complete</c>. Subscribers choose topics with a
/// <see cref="TopicPattern"/>.
/// </summary>
/// <remarks>
/// <para>
/// A name is one or more words separated by single dots. A word is one or more ASCII letters,
/// digits, <c>_</c> or <c>-</c>. Names are compared ordinally, so case matters
/// (<c>Alert</c> and <c>alert</c> are different topics), as in AMQP routing keys.
/// </para>
/// <para>
/// The alphabet is ASCII on purpose: names are stored in the topic log, used as metric tags and
/// written in HOCON files, and Unicode text that looks the same can differ in its code points
/// (a composed and a decomposed <c>é</c>), which would make two topics look like one.
/// <c>*</c> and <c>#</c> are wildcards in patterns and are never part of a name.
/// </para>
/// <para>
/// A name has at most <see cref="MaxLength"/> characters (the AMQP limit for a routing key) and
/// at most <see cref="MaxWords"/> words; the word limit bounds the cost of matching.
/// </para>
/// </remarks>
[DebuggerDisplay("{Value,nq}")]
[JsonConverter(typeof(TopicNameJsonConverter))]
public sealed class TopicName : IEquatable<TopicName>
{
    /// <summary>The longest name or pattern, in characters.</summary>
    /// <value>255, the limit AMQP puts on a routing key.</value>
    public const int MaxLength = 255;

    /// <summary>The most words a name or pattern may have.</summary>
    /// <value>32.</value>
    public const int MaxWords = 32;

    private TopicName(string value, int wordCount)
    {
        Value = value;
        WordCount = wordCount;
    }

    /// <summary>The name as text, e.g. <c>model.convergence.detected</c>.</summary>
    public string Value { get; }

    /// <summary>How many dot-separated words the name has; at least 1.</summary>
    public int WordCount { get; }

    /// <summary>Reads a topic name.</summary>
    /// <param name="text">The name, e.g. <c>model.convergence.detected</c>.</param>
    /// <returns>The validated name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="TopicFormatException">
    /// <paramref name="text"/> is not a valid name; the message names the position and the rule.
    /// </exception>
    public static TopicName Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var error = TopicSyntax.Scan(text, allowWildcards: false, out var words);
        return error.IsError ? throw error.ToException(text, isPattern: false) : new TopicName(text, words);
    }

    /// <summary>Reads a topic name, or returns false when <paramref name="text"/> is null or not a valid name.</summary>
    /// <param name="text">The name, e.g. <c>model.convergence.detected</c>.</param>
    /// <param name="name">The validated name, or null.</param>
    /// <returns>Whether <paramref name="text"/> is a valid name.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out TopicName? name)
    {
        name = null;
        if (text is null || TopicSyntax.Scan(text, allowWildcards: false, out var words).IsError)
        {
            return false;
        }

        name = new TopicName(text, words);
        return true;
    }

    /// <summary>
    /// Reads a topic name, or returns false with the reason when <paramref name="text"/> is null or
    /// not a valid name.
    /// </summary>
    /// <param name="text">The name, e.g. <c>model.convergence.detected</c>.</param>
    /// <param name="name">The validated name, or null.</param>
    /// <param name="error">Why the text is not a valid name (the same message <see cref="Parse"/> throws with), or null.</param>
    /// <returns>Whether <paramref name="text"/> is a valid name.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out TopicName? name, [NotNullWhen(false)] out string? error)
    {
        name = null;
        if (text is null)
        {
            error = "Topic name is null; a topic name is one or more words separated by dots, e.g. 'model.convergence.detected'.";
            return false;
        }

        var problem = TopicSyntax.Scan(text, allowWildcards: false, out var words);
        if (problem.IsError)
        {
            error = problem.Describe(text, isPattern: false);
            return false;
        }

        name = new TopicName(text, words);
        error = null;
        return true;
    }

    /// <summary>Whether both are the same name (ordinal, case-sensitive).</summary>
    public static bool operator ==(TopicName? left, TopicName? right) => Equals(left, right);

    /// <summary>Whether the names differ (ordinal, case-sensitive).</summary>
    public static bool operator !=(TopicName? left, TopicName? right) => !Equals(left, right);

    /// <inheritdoc/>
    public bool Equals(TopicName? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as TopicName);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>The name as text; <see cref="Parse"/> reads it back to an equal name.</summary>
    public override string ToString() => Value;
}
