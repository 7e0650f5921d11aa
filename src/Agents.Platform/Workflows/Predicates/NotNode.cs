namespace Agents.Platform.Workflows.Predicates;

/// <summary><c>not condition</c> (also <c>!</c>): holds when the condition does not, also when it failed on a missing field.</summary>
internal sealed class NotNode(PredicateNode operand) : PredicateNode
{
    /// <inheritdoc />
    public override bool Evaluate(in PredicateScope scope) => !operand.Evaluate(scope);
}
