namespace Agents.Platform.Workflows.Predicates;

/// <summary><c>left and right</c> (also <c>&amp;&amp;</c>); the right side is not evaluated when the left is false.</summary>
internal sealed class AndNode(PredicateNode left, PredicateNode right) : PredicateNode
{
    /// <inheritdoc />
    public override bool Evaluate(in PredicateScope scope) => left.Evaluate(scope) && right.Evaluate(scope);
}
