namespace Agents.Platform.Topics;

/// <summary>Which rule of the topic syntax a text breaks.</summary>
internal enum TopicSyntaxErrorKind
{
    /// <summary>The text is well formed.</summary>
    None,

    /// <summary>The text has no characters.</summary>
    Empty,

    /// <summary>The text is longer than <see cref="TopicName.MaxLength"/>.</summary>
    TooLong,

    /// <summary>The text has more than <see cref="TopicName.MaxWords"/> words.</summary>
    TooManyWords,

    /// <summary>Two dots in a row, or a dot at the start or the end.</summary>
    EmptyWord,

    /// <summary>A character outside the word alphabet.</summary>
    InvalidCharacter,

    /// <summary>A <c>*</c> or <c>#</c> in a published topic name.</summary>
    WildcardInName,

    /// <summary>A <c>*</c> or <c>#</c> that shares its word with other characters.</summary>
    WildcardInsideWord,
}
