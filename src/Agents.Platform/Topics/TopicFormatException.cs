namespace Agents.Platform.Topics;

/// <summary>
/// A topic name or topic pattern is not well formed. The message quotes the text, gives the
/// 0-based character position of the first problem and states the rule that was broken, e.g.
/// <c>Topic name 'model..x' is invalid: empty word at position 6; ...</c>.
/// </summary>
public sealed class TopicFormatException : FormatException
{
    /// <summary>Creates the exception for <paramref name="text"/>.</summary>
    /// <param name="text">The text that was parsed.</param>
    /// <param name="position">0-based character position of the first problem in <paramref name="text"/>.</param>
    /// <param name="message">The complete message: the text, the position and the rule.</param>
    public TopicFormatException(string text, int position, string message) : base(message)
    {
        Text = text;
        Position = position;
    }

    /// <summary>The text that was parsed.</summary>
    public string Text { get; }

    /// <summary>0-based character position of the first problem in <see cref="Text"/>.</summary>
    public int Position { get; }
}
