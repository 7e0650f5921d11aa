namespace Agents.Platform.Workflows.Predicates;

/// <summary>The kinds of token of the predicate language.</summary>
internal enum PredicateTokenKind
{
    End,
    Word,
    EventField,
    Number,
    String,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    Comma,
    Dot,
    Equal,
    NotEqual,
    Greater,
    GreaterOrEqual,
    Less,
    LessOrEqual,
    Bang,
    AndAnd,
    OrOr,
}
