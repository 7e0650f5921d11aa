namespace Agents.Platform.Workflows.Predicates;

/// <summary>A literal: a number, a string, <c>true</c>, <c>false</c> or <c>null</c>.</summary>
internal sealed class PredicateLiteral(PredicateValue value) : PredicateOperand
{
    /// <inheritdoc />
    public override PredicateValue Resolve(in PredicateScope scope) => value;

    /// <inheritdoc />
    public override bool CanBeCondition => value.Kind is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False;
}
