namespace Agents.Platform.Workflows.Predicates;

/// <summary><c>left or right</c> (also <c>||</c>); the right side is not evaluated when the left is true.</summary>
internal sealed class OrNode(PredicateNode left, PredicateNode right) : PredicateNode
{
    /// <inheritdoc />
    public override bool Evaluate(in PredicateScope scope) => left.Evaluate(scope) || right.Evaluate(scope);
}
