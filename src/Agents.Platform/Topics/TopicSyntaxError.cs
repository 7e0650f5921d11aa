using System.Globalization;

namespace Agents.Platform.Topics;

/// <summary>
/// The first problem found in a topic name or pattern: which rule, and where. Kept as a value so
/// that <c>TryParse</c> can fail without building a message nobody reads.
/// </summary>
/// <param name="Kind">The rule that was broken.</param>
/// <param name="Position">0-based character position of the problem.</param>
internal readonly record struct TopicSyntaxError(TopicSyntaxErrorKind Kind, int Position)
{
    /// <summary>The text is well formed.</summary>
    public static TopicSyntaxError None => default;

    /// <summary>Whether this is a real problem.</summary>
    public bool IsError => Kind != TopicSyntaxErrorKind.None;

    /// <summary>
    /// The message for this problem in <paramref name="text"/>, which is a topic name when
    /// <paramref name="isPattern"/> is false and a subscription pattern otherwise.
    /// </summary>
    public string Describe(string text, bool isPattern)
    {
        var subject = isPattern ? "Topic pattern" : "Topic name";
        var example = isPattern ? "'model.convergence.*' or 'training.#'" : "'model.convergence.detected'";
        var prefix = $"{subject} {Quote(text)} is invalid: ";
        var at = Position.ToString(CultureInfo.InvariantCulture);
        var character = Position < text.Length ? text[Position] : '\0';
        return prefix + Kind switch
        {
            TopicSyntaxErrorKind.Empty =>
                $"it is empty; write one or more words separated by dots, e.g. {example}.",
            TopicSyntaxErrorKind.TooLong =>
                $"it is {text.Length.ToString(CultureInfo.InvariantCulture)} characters long; the limit is {TopicName.MaxLength} characters.",
            TopicSyntaxErrorKind.TooManyWords =>
                $"it has more than {TopicName.MaxWords} words (word {TopicName.MaxWords + 1} starts at position {at}); the limit is {TopicName.MaxWords} words.",
            TopicSyntaxErrorKind.EmptyWord =>
                $"empty word at position {at}; words are separated by single dots, and the first and last characters cannot be dots.",
            TopicSyntaxErrorKind.InvalidCharacter =>
                $"character {Show(character)} at position {at} is not allowed; a word is made of ASCII letters, digits, '_' and '-'.",
            TopicSyntaxErrorKind.WildcardInName =>
                $"wildcard '{character}' at position {at} is not allowed in a published topic name; wildcards belong in subscription patterns.",
            TopicSyntaxErrorKind.WildcardInsideWord =>
                $"wildcard '{character}' at position {at} is part of a longer word; '*' and '#' must stand alone between dots, e.g. 'model.*' or 'model.#'.",
            _ => throw new InvalidOperationException($"No message for {Kind}."),
        };
    }

    /// <summary>The exception for this problem in <paramref name="text"/>.</summary>
    public TopicFormatException ToException(string text, bool isPattern) => new(text, Position, Describe(text, isPattern));

    private static string Quote(string text) =>
        text.Length <= 80 ? $"'{text}'" : $"'{text.AsSpan(0, 64)}...' ({text.Length.ToString(CultureInfo.InvariantCulture)} characters)";

    private static string Show(char c)
    {
        var code = ((int)c).ToString("X4", CultureInfo.InvariantCulture);
        return char.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c) ? $"U+{code}" : $"'{c}' (U+{code})";
    }
}
