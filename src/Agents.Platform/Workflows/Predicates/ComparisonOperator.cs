namespace Agents.Platform.Workflows.Predicates;

/// <summary>The comparison operators of the predicate language.</summary>
internal enum ComparisonOperator
{
    Equal,
    NotEqual,
    Greater,
    GreaterOrEqual,
    Less,
    LessOrEqual,
}
