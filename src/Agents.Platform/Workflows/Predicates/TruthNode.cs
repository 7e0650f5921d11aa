namespace Agents.Platform.Workflows.Predicates;

/// <summary>A path (or <c>true</c>/<c>false</c>) standing alone as a condition: holds when its value is JSON <c>true</c>.</summary>
internal sealed class TruthNode(PredicateOperand operand) : PredicateNode
{
    /// <inheritdoc />
    public override bool Evaluate(in PredicateScope scope) => operand.Resolve(scope).IsTrue;
}
