namespace Agents.Platform.Topics;

/// <summary>
/// The lexical rules shared by <see cref="TopicName"/> and <see cref="TopicPattern"/>: a text is
/// one or more words separated by single dots; a word is one or more ASCII letters, digits,
/// <c>_</c> or <c>-</c>; a pattern word may instead be exactly <c>*</c> or <c>#</c>.
/// </summary>
internal static class TopicSyntax
{
    /// <summary>The one-word wildcard as stored in a pattern.</summary>
    public const string Star = "*";

    /// <summary>The any-number-of-words wildcard as stored in a pattern.</summary>
    public const string Hash = "#";

    /// <summary>Whether <paramref name="c"/> may appear in a word.</summary>
    public static bool IsWordCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c == '_' || c == '-';

    /// <summary>Whether a pattern word is the <c>*</c> wildcard.</summary>
    public static bool IsStar(string word) => word.Length == 1 && word[0] == '*';

    /// <summary>Whether a pattern word is the <c>#</c> wildcard.</summary>
    public static bool IsHash(string word) => word.Length == 1 && word[0] == '#';

    /// <summary>
    /// Checks <paramref name="text"/> and counts its words. With <paramref name="allowWildcards"/>
    /// a word may be exactly <c>*</c> or <c>#</c>; otherwise any wildcard is an error.
    /// </summary>
    public static TopicSyntaxError Scan(string text, bool allowWildcards, out int wordCount)
    {
        wordCount = 0;
        if (text.Length == 0)
        {
            return new(TopicSyntaxErrorKind.Empty, 0);
        }

        if (text.Length > TopicName.MaxLength)
        {
            return new(TopicSyntaxErrorKind.TooLong, TopicName.MaxLength);
        }

        var words = 1;
        var wordStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '.')
            {
                if (i == wordStart)
                {
                    return new(TopicSyntaxErrorKind.EmptyWord, i);
                }

                if (++words > TopicName.MaxWords)
                {
                    return new(TopicSyntaxErrorKind.TooManyWords, i + 1);
                }

                wordStart = i + 1;
            }
            else if (c is '*' or '#')
            {
                if (!allowWildcards)
                {
                    return new(TopicSyntaxErrorKind.WildcardInName, i);
                }

                if (i != wordStart || (i + 1 < text.Length && text[i + 1] != '.'))
                {
                    return new(TopicSyntaxErrorKind.WildcardInsideWord, i);
                }
            }
            else if (!IsWordCharacter(c))
            {
                return new(TopicSyntaxErrorKind.InvalidCharacter, i);
            }
        }

        if (wordStart == text.Length)
        {
            return new(TopicSyntaxErrorKind.EmptyWord, text.Length);
        }

        wordCount = words;
        return TopicSyntaxError.None;
    }

    /// <summary>
    /// The word of a valid topic text that starts at <paramref name="start"/>; <paramref name="next"/>
    /// receives the start of the following word, which is <c>text.Length + 1</c> after the last word.
    /// </summary>
    public static ReadOnlySpan<char> WordAt(string text, int start, out int next)
    {
        var rest = text.AsSpan(start);
        var dot = rest.IndexOf('.');
        if (dot < 0)
        {
            next = text.Length + 1;
            return rest;
        }

        next = start + dot + 1;
        return rest[..dot];
    }
}
